export * from './contract'
export * from './errors'
