// Expands a JSON-LD document with jsonld.js (an implementation independent of
// Tessera's) and prints its N-Quads. Tessera's context IRI is mapped to a local
// file: nothing is fetched from the network.
// Usage: node jsonld-to-nquads.mjs DOCUMENT.jsonld CONTEXT_IRI CONTEXT_FILE
import { readFileSync } from "node:fs";
import jsonld from "jsonld";

const [documentFile, contextIri, contextFile] = process.argv.slice(2);
const contexts = { [contextIri]: JSON.parse(readFileSync(contextFile, "utf8")) };
const documentLoader = async (url) => {
  if (url in contexts) return { contextUrl: null, documentUrl: url, document: contexts[url] };
  throw new Error("Refusing to fetch " + url);
};
const doc = JSON.parse(readFileSync(documentFile, "utf8"));
const nquads = await jsonld.toRDF(doc, { format: "application/n-quads", documentLoader, safe: true });
process.stdout.write(nquads);
