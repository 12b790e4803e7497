// Parses Turtle or TriG with N3.js (independent of Jena) and prints the number
// of quads, or the parse error with its line.
// Usage: node turtle-parse.mjs FILE FORMAT   (FORMAT: text/turtle or application/trig)
import { readFileSync } from "node:fs";
import { Parser } from "n3";

const [file, format] = process.argv.slice(2);
const quads = new Parser({ format }).parse(readFileSync(file, "utf8"));
process.stdout.write(String(quads.length) + "\n");
