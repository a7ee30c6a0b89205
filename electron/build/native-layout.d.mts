export interface NativeTarget {
  readonly platform: string
  readonly arch: string
  readonly electronVersion: string
}
export declare const NATIVE_BINARY_NAME: 'better_sqlite3.node'
export declare const NATIVE_CACHE_DIR: '.electron-native'
export declare const PACKAGED_NATIVE_DIR: 'native'
export declare function nativeTargetName(target: NativeTarget): string
export declare function nativeTargetDir(target: NativeTarget & { readonly root: string }): string
