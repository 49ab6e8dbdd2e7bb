/* Stands in for pillow-heif's bundled x265 (21 MB) in the standalone folder.
 *
 * libheif links the x265 *encoder* for writing HEIC; Storyport only reads HEIC
 * (libde265 decodes it), so the two symbols libheif takes from x265 answer "no
 * encoder" here: x265_api_get_217 returns NULL and libheif reports HEVC
 * encoding as unavailable. scripts/package.sh compiles this under the soname the
 * wheel's libheif asks for; tests/packaging imports a HEIC photo with it.
 */
#include <stddef.h>

const void *x265_api_get_217(int bit_depth) {
    (void)bit_depth;
    return NULL;
}

void x265_cleanup(void) {}
