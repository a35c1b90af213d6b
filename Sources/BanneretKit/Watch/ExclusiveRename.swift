import CBanneret
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Renames without ever replacing what is already there. Claiming a job and
/// moving it to `.done/` are both renames; a plain rename(2) would silently
/// overwrite a file of the same name (an earlier life of this daemon with the
/// same pid, a job finished twice under one name), losing a job.
enum ExclusiveRename {
    enum Outcome: Equatable {
        case moved
        /// The source is gone: someone else renamed it first.
        case sourceGone
        /// The target exists.
        case targetTaken
        case failed(Int32)
    }

    static func move(_ from: URL, to: URL) -> Outcome {
        var result = bnr_rename_noreplace(from.path, to.path)
        var code = result == 0 ? 0 : errno
        if result != 0, code == EINVAL || code == ENOSYS {
            // A filesystem without RENAME_NOREPLACE (older NFS, some FUSE): check, then rename.
            if access(to.path, F_OK) == 0 { return .targetTaken }
            result = rename(from.path, to.path)
            code = result == 0 ? 0 : errno
        }
        switch code {
        case 0:
            syncFolder(from.deletingLastPathComponent())
            syncFolder(to.deletingLastPathComponent())
            return .moved
        case ENOENT: return .sourceGone
        case EEXIST, ENOTEMPTY: return .targetTaken
        default: return .failed(code)
        }
    }

    /// Makes a rename durable: it lives in the folder's entries.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
