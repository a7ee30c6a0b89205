import { app } from 'electron'
import { markdownPathsFromArgv, OpenedFiles } from './opened-files'

/**
 * Collects Markdown files the OS asks Longhand to open: on macOS through `open-file` (register
 * before `ready`: the launch file arrives early), on Windows/Linux through the command line of
 * this launch and of any second instance (which quits and forwards its argv here).
 */
export function watchOpenedFiles(): OpenedFiles {
  const files = new OpenedFiles()
  app.on('open-file', (event, path) => {
    event.preventDefault()
    files.add(markdownPathsFromArgv([path], process.cwd()))
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    files.add(markdownPathsFromArgv(argv.slice(1), workingDirectory))
  })
  if (process.platform !== 'darwin') files.add(markdownPathsFromArgv(process.argv.slice(1), process.cwd()))
  return files
}
