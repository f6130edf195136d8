// Prints OpenZeppelin's StandardMerkleTree for bytes32 values read from stdin (one 0x-hex value a
// line) as JSON: {"root": "0x..", "proofs": [[..], ..]} with proofs in input order. Used by
// MerkleTreeTest to check the Java tree against the reference implementation.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { readFileSync } from 'node:fs';

const values = readFileSync(0, 'utf8').split('\n').map(s => s.trim()).filter(Boolean).map(v => [v]);
const tree = StandardMerkleTree.of(values, ['bytes32']);
const proofs = values.map((_, i) => tree.getProof(i));
process.stdout.write(JSON.stringify({ root: tree.root, proofs }));
