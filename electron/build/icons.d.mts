export declare const ICNS_SIZES: number[]
export declare const ICO_SIZES: number[]
export declare const LINUX_SIZES: number[]
export declare const DMG_BACKGROUND: { readonly width: number; readonly height: number }
export declare function croppedVariant(svg: string): string
export declare function dmgBackgroundSvg(scale: number): string
export declare function generateIcons(options: { source: string; outDir: string }): Promise<string[]>
