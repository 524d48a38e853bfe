// Compiles the Solidity sources of sdk-chain with the pinned npm `solc` (standard JSON input) and
// writes one artifact per deployable contract: ABI, creation and runtime bytecode.
//
//   node scripts/compile.mjs                      # rewrites the committed artifacts
//   node scripts/compile.mjs --out DIR            # writes DIR/main, DIR/test and DIR/firstwave instead
//
// Units: `main` (the contracts), `test` (test-only adversaries) and `firstwave` (the contracts as
// released before the trust-model change, kept as test sources so that tests can show each attack
// of that model succeeding on them; see src/test/solidity/firstwave/README.md).
//
// The output depends only on the sources, the lockfile-pinned compiler and libraries, and the
// settings below: source units are named by their path relative to sdk-chain, inputs are sorted,
// the metadata hash is not appended, and the JSON is written with a fixed key order.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');

const EVM_VERSION = 'cancun';
const OPTIMIZER_RUNS = 1000;

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = path.join(moduleDir, 'node_modules');

const UNITS = [
  {
    name: 'main',
    sourceDir: 'src/main/solidity',
    artifactDir: 'src/main/resources/org/computerwa/chain/internal/artifacts',
  },
  {
    name: 'test',
    sourceDir: 'src/test/solidity',
    exclude: ['src/test/solidity/firstwave'],
    artifactDir: 'src/test/resources/org/computerwa/chain/internal/testartifacts',
  },
  {
    name: 'firstwave',
    sourceDir: 'src/test/solidity/firstwave',
    artifactDir: 'src/test/resources/org/computerwa/chain/internal/firstwave',
  },
];

function parseArgs(argv) {
  const args = { out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && i + 1 < argv.length) {
      args.out = path.resolve(argv[++i]);
    } else {
      throw new Error(`unknown argument '${argv[i]}' (expected: [--out DIR])`);
    }
  }
  return args;
}

function listSolidity(dir, exclude = []) {
  const abs = path.join(moduleDir, dir);
  if (!fs.existsSync(abs)) return [];
  const excluded = new Set(exclude.map((e) => path.join(moduleDir, e)));
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!excluded.has(p)) walk(p);
      } else if (entry.name.endsWith('.sol')) found.push(path.relative(moduleDir, p).split(path.sep).join('/'));
    }
  };
  walk(abs);
  return found.sort();
}

function findImport(unitName) {
  const candidates = unitName.startsWith('@')
    ? [path.join(nodeModules, unitName)]
    : [path.join(moduleDir, unitName)];
  for (const c of candidates) {
    const resolved = path.resolve(c);
    const insideModule = resolved.startsWith(moduleDir + path.sep);
    if (insideModule && fs.existsSync(resolved)) {
      return { contents: fs.readFileSync(resolved, 'utf8') };
    }
  }
  return { error: `import not found: ${unitName}` };
}

function compile(unit) {
  const files = listSolidity(unit.sourceDir, unit.exclude);
  if (files.length === 0) return [];
  const sources = {};
  for (const f of files) sources[f] = { content: fs.readFileSync(path.join(moduleDir, f), 'utf8') };
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  const ours = (e) => !(e.sourceLocation && e.sourceLocation.file.startsWith('@openzeppelin/'));
  for (const w of (output.errors || []).filter((e) => e.severity !== 'error' && ours(e))) {
    process.stderr.write(w.formattedMessage + '\n');
  }
  if (errors.length > 0) {
    throw new Error('solc failed:\n' + errors.map((e) => e.formattedMessage).join('\n'));
  }
  const artifacts = [];
  for (const sourceName of Object.keys(output.contracts || {}).sort()) {
    if (!files.includes(sourceName)) continue;
    const contracts = output.contracts[sourceName];
    for (const contractName of Object.keys(contracts).sort()) {
      const c = contracts[contractName];
      if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
      artifacts.push({
        contractName,
        sourceName,
        compiler: solc.version(),
        evmVersion: EVM_VERSION,
        optimizerRuns: OPTIMIZER_RUNS,
        abi: c.abi,
        bytecode: '0x' + c.evm.bytecode.object,
        deployedBytecode: '0x' + c.evm.deployedBytecode.object,
      });
    }
  }
  return artifacts;
}

function write(dir, artifacts) {
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir)) {
    if (old.endsWith('.json')) fs.rmSync(path.join(dir, old));
  }
  const seen = new Set();
  for (const a of artifacts) {
    if (seen.has(a.contractName)) throw new Error(`two contracts named ${a.contractName}`);
    seen.add(a.contractName);
    fs.writeFileSync(path.join(dir, a.contractName + '.json'), JSON.stringify(a, null, 2) + '\n');
  }
}

const args = parseArgs(process.argv.slice(2));
for (const unit of UNITS) {
  const artifacts = compile(unit);
  const dir = args.out ? path.join(args.out, unit.name) : path.join(moduleDir, unit.artifactDir);
  write(dir, artifacts);
  process.stdout.write(`${unit.name}: ${artifacts.length} contracts -> ${path.relative(process.cwd(), dir) || '.'}\n`);
}
