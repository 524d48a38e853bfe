// Reads [{"typedData": {types, primaryType, domain, message}, "signature": "0x..."}, ...] on stdin and prints,
// per element, {"hash": TypedDataEncoder.hash(...), "recovered": verifyTypedData(...)} computed by ethers v6.
import { TypedDataEncoder, verifyTypedData } from "ethers";
import { readFileSync } from "node:fs";

const input = JSON.parse(readFileSync(0, "utf8"));
const out = input.map(({ typedData, signature }) => {
  // ethers derives the domain type itself and refuses EIP712Domain among the struct types.
  const types = { ...typedData.types };
  delete types.EIP712Domain;
  return {
    hash: TypedDataEncoder.hash(typedData.domain, types, typedData.message),
    recovered: verifyTypedData(typedData.domain, types, typedData.message, signature),
  };
});
process.stdout.write(JSON.stringify(out) + "\n");
