# shellcheck shell=bash
# Sourced by ci/setup. Builds the QEMU virtual-target image from fixtures/targets/qemu into
# .cache/targets/qemu/<recipe hash>/ only when the recipe changed, and points .cache/targets/qemu/current at it.
# Saved VM states (fast start) live next to the image, so a new recipe also drops the old states.
# The key covers what goes into the image (not README.md: a doc edit must not rebuild or drop the saved states).
hil_target_hash=$(tree_hash fixtures/targets/qemu/build-image fixtures/targets/qemu/image.conf \
  fixtures/targets/qemu/grub.cfg fixtures/targets/qemu/rootfs)
hil_target_root="$CACHE/targets/qemu"
hil_target_dir="$hil_target_root/$hil_target_hash"
if [ -f "$hil_target_dir/hil-target.iso" ]; then
  say "QEMU target image: up to date (recipe $hil_target_hash)"
else
  say "Building the QEMU target image (recipe $hil_target_hash changed) into .cache/targets/qemu/$hil_target_hash"
  rm -rf "$hil_target_dir.partial"
  "$ROOT/fixtures/targets/qemu/build-image" "$hil_target_dir.partial" "$CACHE/targets/kernel" \
    || die "building the QEMU target image failed (see above); fix fixtures/targets/qemu and run ci/setup again."
  mv "$hil_target_dir.partial" "$hil_target_dir"
  for hil_old in "$hil_target_root"/*/; do
    hil_old="${hil_old%/}"
    [ "$hil_old" = "$hil_target_dir" ] || [ "$(basename "$hil_old")" = current ] || rm -rf "$hil_old"
  done
fi
ln -sfn "$hil_target_hash" "$hil_target_root/current"
unset hil_target_hash hil_target_root hil_target_dir hil_old
