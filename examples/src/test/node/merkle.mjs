// Reads {"leafEncoding": [...], "values": [[...], ...]} on stdin and prints
// {"root": "0x...", "proofs": [[...], ...]} computed by @openzeppelin/merkle-tree, proofs in input order.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { readFileSync } from "node:fs";

const input = JSON.parse(readFileSync(0, "utf8"));
const tree = StandardMerkleTree.of(input.values, input.leafEncoding);
const proofs = input.values.map((_, i) => tree.getProof(i));
process.stdout.write(JSON.stringify({ root: tree.root, proofs }) + "\n");
