import type { UnpackedApp } from './verify-package.mjs'
export declare function runnableApps(apps: UnpackedApp[], platform?: string, arch?: string): UnpackedApp[]
