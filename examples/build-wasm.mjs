// Builds an example plugin's AssemblyScript source (src/plugin.ts) to plugin.wasm. Placeholder until the
// Wasm runtime work replaces it.
process.stdout.write('no wasm build yet\n');
