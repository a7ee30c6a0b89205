// Which OS and CPU a native module (better_sqlite3.node) was built for, read from its header:
// ELF (Linux), Mach-O incl. fat/universal (macOS), PE/COFF (Windows). The magic bytes alone only
// say "a Linux library"; an x64 module packed into an arm64 app passes that and crashes on the
// user's machine, so verify:dist compares the CPU type with the app's target arch.
// Pure: works on a Buffer holding the start of the file (the first 4 KiB are plenty).

// ELF e_machine values (System V ABI).
const ELF_MACHINES = { 3: 'ia32', 40: 'armv7l', 62: 'x64', 183: 'arm64' }
// Mach-O cputype values (mach/machine.h): CPU_ARCH_ABI64 | CPU_TYPE_X86 / CPU_TYPE_ARM.
const MACHO_CPUS = { 0x7: 'ia32', 0xc: 'armv7l', 0x01000007: 'x64', 0x0100000c: 'arm64' }
// PE COFF Machine values (IMAGE_FILE_MACHINE_*).
const PE_MACHINES = { 0x14c: 'ia32', 0x1c4: 'armv7l', 0x8664: 'x64', 0xaa64: 'arm64' }

const name = (table, value) => table[value] ?? `unknown(0x${value.toString(16)})`

/**
 * { format: 'elf' | 'macho' | 'pe', platform, archs: string[] } for a native module's header,
 * or null when it is none of them. archs uses Node's names (x64, arm64, ia32, armv7l); a fat
 * Mach-O lists every slice.
 */
export function nativeModuleInfo(header) {
  if (!header || header.length < 4) return null
  // ELF: \x7fELF, EI_DATA (byte 5) gives the byte order of e_machine at offset 18.
  if (header[0] === 0x7f && header[1] === 0x45 && header[2] === 0x4c && header[3] === 0x46) {
    if (header.length < 20) return null
    const machine = header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18)
    return { format: 'elf', platform: 'linux', archs: [name(ELF_MACHINES, machine)] }
  }
  const magicBE = header.readUInt32BE(0)
  // Thin Mach-O, 32/64-bit, either byte order; cputype follows the magic.
  if (magicBE === 0xcffaedfe || magicBE === 0xcefaedfe || magicBE === 0xfeedfacf || magicBE === 0xfeedface) {
    if (header.length < 8) return null
    const littleEndian = magicBE === 0xcffaedfe || magicBE === 0xcefaedfe
    const cpu = littleEndian ? header.readUInt32LE(4) : header.readUInt32BE(4)
    return { format: 'macho', platform: 'darwin', archs: [name(MACHO_CPUS, cpu)] }
  }
  // Fat (universal) Mach-O: big-endian header, nfat_arch entries of 20 (FAT_MAGIC) or 32
  // (FAT_MAGIC_64) bytes, each starting with its cputype. Java class files share 0xcafebabe;
  // their "count" (the class version) is far above any real slice count.
  if (magicBE === 0xcafebabe || magicBE === 0xcafebabf) {
    if (header.length < 8) return null
    const count = header.readUInt32BE(4)
    const entry = magicBE === 0xcafebabe ? 20 : 32
    if (count === 0 || count > 16 || header.length < 8 + count * entry) return null
    const archs = []
    for (let i = 0; i < count; i++) archs.push(name(MACHO_CPUS, header.readUInt32BE(8 + i * entry)))
    return { format: 'macho', platform: 'darwin', archs }
  }
  // PE: "MZ", e_lfanew at 0x3c points at "PE\0\0", followed by the COFF Machine field.
  if (header[0] === 0x4d && header[1] === 0x5a) {
    if (header.length < 0x40) return null
    const pe = header.readUInt32LE(0x3c)
    if (pe + 6 > header.length || header.readUInt32BE(pe) !== 0x50450000) return null
    return { format: 'pe', platform: 'win32', archs: [name(PE_MACHINES, header.readUInt16LE(pe + 4))] }
  }
  return null
}

/**
 * Problems (empty when none) with a native module meant for `platform`/`arch`. A universal
 * macOS app needs both slices; every other app exactly its own arch.
 */
export function nativeModuleProblems(header, { platform, arch }) {
  const info = nativeModuleInfo(header)
  if (!info) return [`is not a native module (no ELF, Mach-O or PE header)`]
  if (info.platform !== platform) return [`is a ${info.platform} module (${info.format}), expected ${platform}`]
  const wanted = arch === 'universal' ? ['x64', 'arm64'] : [arch]
  const missing = wanted.filter((a) => !info.archs.includes(a))
  return missing.length ? [`is built for ${info.archs.join('+')}, expected ${wanted.join('+')}`] : []
}
