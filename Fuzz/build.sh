#!/usr/bin/env bash
# Builds every libFuzzer target in Fuzz/targets/ into .build/fuzz/bin/.
#
# SwiftPM cannot link a libFuzzer executable itself, so BanneretKit and what it
# depends on are compiled by SwiftPM with coverage and AddressSanitizer
# (a separate build folder, so the normal build is untouched), and each target
# is then compiled by swiftc against those objects: -sanitize=fuzzer brings
# libFuzzer's main(), and the target provides LLVMFuzzerTestOneInput.
set -euo pipefail
cd "$(dirname "$0")/.."
build=.build/fuzz
swift build --build-path "$build" --target BanneretKit \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link,address >&2
debug="$build/debug"
objects=()
for module in BanneretKit BanneretLayout CBanneret Yams CYaml; do
  while IFS= read -r object; do objects+=("$object"); done < <(find "$debug/$module.build" -name '*.o' | sort)
done
include=()
for flag in $(pkg-config --cflags-only-I cairo pangocairo pangoft2 fontconfig); do include+=(-Xcc "$flag"); done
yams_include=$(find "$build/checkouts/Yams/Sources/CYaml/include" -maxdepth 0)
mkdir -p "$build/bin"
for source in "${@:-Fuzz/targets/*.swift}"; do
  for file in $source; do
    name=$(basename "$file" .swift)
    echo "fuzz: building $name" >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -g -Onone \
      -I "$debug/Modules" \
      -Xcc -fmodule-map-file=Sources/CCairo/module.modulemap \
      -Xcc -fmodule-map-file=Sources/CPangoCairo/module.modulemap \
      -Xcc -fmodule-map-file="$debug/CBanneret.build/module.modulemap" -Xcc -I -Xcc Sources/CBanneret/include \
      -Xcc -fmodule-map-file="$yams_include/module.modulemap" -Xcc -I -Xcc "$yams_include" \
      "${include[@]}" \
      "$file" "${objects[@]}" -o "$build/bin/$name" \
      -lpng16 -ljpeg -lwebp -ldeflate -limagequant -lgomp -lcrypto
  done
done
