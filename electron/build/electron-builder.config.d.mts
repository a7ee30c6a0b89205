import type { Configuration, PackContext } from 'electron-builder'
export declare function prepareNativeModule(context: PackContext): Promise<void>
declare const config: Configuration
export default config
