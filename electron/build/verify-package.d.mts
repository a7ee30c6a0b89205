import type { Configuration } from 'electron-builder'
type Fuses = NonNullable<Configuration['electronFuses']>
export declare function expectedFuseWire(electronFuses: Fuses): Record<number, number>
export declare function checkFuses(binaryPath: string, electronFuses: Fuses): Promise<string[]>
export declare function checkResources(resourcesDir: string, platform: string): Promise<string[]>
export declare function findUnpackedApps(
  distDir: string,
  productName?: string,
  executableName?: string,
): Array<{ platform: 'linux' | 'win32' | 'darwin'; binary: string; resources: string }>
