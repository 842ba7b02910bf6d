// What a subcommand of `imprint` provides: its help line and a runner that takes
// the arguments after its name and returns the exit status.

export interface Command {
  name: string;
  /** One line for `imprint --help`: usage, then what it does. */
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}
