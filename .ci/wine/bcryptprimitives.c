/* Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard library
 * calls on Windows. CI alone builds this stand-in next to the .exe it runs under Wine; real
 * Windows has the DLL, and konnect ships nothing of this. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
