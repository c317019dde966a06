export declare class UsageError extends Error {}

export interface OptionSpec {
  type: "integer" | "string" | "boolean";
  env?: string;
  default?: number | string | boolean;
  min?: number;
  choices?: readonly string[];
  help?: string;
}

export declare function readOptions(
  spec: Record<string, OptionSpec>,
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Record<string, number | string | boolean | undefined> & { positionals: string[] };
export declare function describeOptions(spec: Record<string, OptionSpec>): string;
export declare function runScript(main: () => number | Promise<number>): void;
