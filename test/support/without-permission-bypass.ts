/**
 * A command line that file permissions apply to, for the tests of unreadable files and folders
 * (EACCES). Root reads everything, so as root the child runs still as root but without the two
 * capabilities that bypass permissions (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, dropped from its
 * bounding set by setpriv; capabilities(7)). It stays the owner of the checkout, so the compiled CLI
 * and node_modules are readable wherever the checkout is, a clone under a private (0700) folder
 * included; running as `nobody` needed every folder above the checkout to be open to others.
 * Under an ordinary user permissions already apply and the command is left as it is.
 */
export function withoutPermissionBypass(
  command: string,
  args: readonly string[],
): { command: string; args: string[] } {
  if (process.getuid?.() !== 0) return { command, args: [...args] };
  return {
    command: "setpriv",
    args: ["--bounding-set=-dac_override,-dac_read_search", "--", command, ...args],
  };
}
