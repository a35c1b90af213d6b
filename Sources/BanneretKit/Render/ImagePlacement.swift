/// Where a picture lands inside an image element's frame: `contain` scales
/// the whole picture into the frame at `alignment`; `cover` fills the frame,
/// centring the focal point without ever uncovering the frame's edges. The
/// renderer draws with it and the features measure with it, so both agree
/// on every pixel.
struct ImagePlacement {
    /// Picture pixels to banner pixels.
    var scale: Double
    /// The whole picture, scaled and placed (it may spill outside the frame under `cover`).
    var rect: Rect

    init(_ element: ImageElement, imageWidth: Int, imageHeight: Int) {
        let frame = element.frame
        let iw = Double(imageWidth), ih = Double(imageHeight)
        scale = element.fit == .cover ? max(frame.width / iw, frame.height / ih) : min(frame.width / iw, frame.height / ih)
        let dw = iw * scale, dh = ih * scale
        switch element.fit {
        case .contain:
            rect = Rect(x: frame.x + (frame.width - dw) * element.alignment.x, y: frame.y + (frame.height - dh) * element.alignment.y,
                        width: dw, height: dh)
        case .cover:
            rect = Rect(x: min(frame.x, max(frame.maxX - dw, frame.x + frame.width / 2 - element.focus.x * dw)),
                        y: min(frame.y, max(frame.maxY - dh, frame.y + frame.height / 2 - element.focus.y * dh)),
                        width: dw, height: dh)
        }
    }
}
