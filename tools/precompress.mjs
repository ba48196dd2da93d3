// Writes name.br and name.gz beside every text asset of a build folder, at the highest levels (done once
// at build time, so the server sends them with Content-Encoding at no CPU cost).
// Usage: node tools/precompress.mjs <dist folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else if (TEXT.test(name)) yield file;
  }
}

const root = path.resolve(process.argv[2] ?? "dist");
let count = 0;
for (const file of files(root)) {
  const source = readFileSync(file);
  if (source.length < MIN_BYTES) continue;
  writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    }),
  );
  count += 1;
}
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), root) || "."} (br + gz)`);
