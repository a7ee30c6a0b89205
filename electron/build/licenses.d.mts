export interface PackageLicense {
  readonly name: string
  readonly version: string
  readonly license: string
  readonly text: string | null
}
export declare function resolvePackageDir(name: string, fromDir: string, root: string): Promise<string | null>
export declare function spdxOf(pkg: { license?: unknown; licenses?: unknown }): string
export declare function spdxFromText(text: string | null): string | null
export declare function collectLicenses(options: { root: string; runtimePackages?: string[] }): Promise<PackageLicense[]>
export declare function writeLicenses(options: { root: string; outFile: string }): Promise<PackageLicense[]>
