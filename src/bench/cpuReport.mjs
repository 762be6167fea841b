// Preloaded by the startup benchmark (node --import): prints the whole
// process's CPU time (user + system, all threads) when it exits.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${(u.user + u.system) / 1000}\n`);
});
