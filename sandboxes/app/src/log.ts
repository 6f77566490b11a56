/** One line per event, with a timestamp and the PID, so recordings show which process said what. */
export function log(message: string): void {
  console.log(`${new Date().toISOString()} [pid ${process.pid}] ${message}`);
}
