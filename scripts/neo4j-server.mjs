// A real Neo4j for the tests and the benchmark: builds the launcher in tests/neo4j-server/
// (Neo4j's own artifacts from Maven Central, cached in ~/.m2 and tests/neo4j-server/target/<version>/)
// and starts it as a child JVM that cannot outlive this process (it exits when its stdin closes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = path.join(ROOT, 'tests/neo4j-server');
const POM = path.join(PROJECT, 'pom.xml');
const SOURCE = path.join(PROJECT, 'src/main/java/steppe/Neo4jTestServer.java');
/** The version CI proves (the pom's default); others are for trying by hand (`STEPPE_NEO4J_VERSION`). */
export const DEFAULT_NEO4J_VERSION = /<neo4j\.version>([^<]+)</.exec(readFileSync(POM, 'utf8'))[1];
/** Heap for the test server: modest, the tests' graphs are small and the machine is shared. */
const HEAP = process.env.STEPPE_NEO4J_HEAP || '1g';
/** Page cache for the test server (Neo4j's own setting; the benchmark asks for more). */
const PAGE_CACHE = process.env.STEPPE_NEO4J_PAGE_CACHE || '256m';
/** Where JDKs live on Debian (and where the machine's second JDK, if any, is). */
const JVM_DIR = '/usr/lib/jvm';

const INSTALL_HINT =
  'The Neo4j tests start a real Neo4j 5.26 from Maven Central and need Java 17+ (with javac) and Maven.\n' +
  'Install them with:  sudo apt-get install -y openjdk-17-jdk-headless maven';

export class Neo4jSetupError extends Error {}

function tool(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.error ? undefined : `${r.stdout}${r.stderr}`;
}

function javaMajor(javaBin) {
  const out = tool(javaBin, ['-version']);
  return { out, major: Number(/version "(\d+)/.exec(out ?? '')?.[1] ?? 0) };
}

/** Java needed by a Neo4j version: 2025.01 and later need Java 21 (Neo4j's upgrade guide); 4.4 and 5.x run on 17. */
function requiredJava(version) {
  return Number(version.split('.')[0]) >= 2025 ? 21 : 17;
}

/**
 * The JDK bin directory to use: `javaHome` (or env STEPPE_NEO4J_JAVA_HOME) when given, else
 * `java` on PATH when new enough, else the first JDK under /usr/lib/jvm that is. Throws Neo4jSetupError.
 */
function findJdk(version, javaHome) {
  const need = requiredJava(version);
  const explicit = javaHome ?? process.env.STEPPE_NEO4J_JAVA_HOME;
  const candidates = explicit ? [path.join(explicit, 'bin')] : ['', ...jdksUnder(JVM_DIR)];
  const seen = [];
  for (const bin of candidates) {
    const java = bin ? path.join(bin, 'java') : 'java';
    const { out, major } = javaMajor(java);
    seen.push(`${java}: ${out ? `Java ${major}` : 'not found'}`);
    if (major >= need) {
      const javac = bin ? path.join(bin, 'javac') : 'javac';
      if (!tool(javac, ['-version'])) throw new Neo4jSetupError(`javac (a JDK, not only a JRE) was not found next to ${java}.\n${INSTALL_HINT}`);
      return { java, javac };
    }
  }
  throw new Neo4jSetupError(`Neo4j ${version} needs Java ${need} or newer; found ${seen.join('; ')}.\n${INSTALL_HINT}`);
}

/** bin directories of the JDKs under `dir` (the first new enough one is taken). */
function jdksUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name, 'bin'))
    .filter((bin) => existsSync(path.join(bin, 'javac')));
}

function newerThan(file, ...inputs) {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

/**
 * Builds the launcher for Neo4j `version` (default: the pom's, 5.26) unless the cached build is
 * current. Returns { version, java, classpath } for startNeo4jServer. Throws Neo4jSetupError.
 */
export function buildNeo4jServer({ version = process.env.STEPPE_NEO4J_VERSION || DEFAULT_NEO4J_VERSION, javaHome, log = console.log } = {}) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Neo4jSetupError(`Neo4j version must look like 5.26.30 or 2025.12.1, got "${version}"`);
  const { java, javac } = findJdk(version, javaHome);
  const target = path.join(PROJECT, 'target', version);
  const classes = path.join(target, 'classes');
  const classFile = path.join(classes, 'steppe/Neo4jTestServer.class');
  const classpathFile = path.join(target, 'classpath.txt');
  const cached = newerThan(classpathFile, POM) && newerThan(classFile, SOURCE, classpathFile);
  if (cached) {
    const jars = readFileSync(classpathFile, 'utf8').trim().split(path.delimiter);
    if (jars.every((j) => existsSync(j))) return { version, java, classpath: [classes, ...jars].join(path.delimiter) };
  }
  if (!tool('mvn', ['-v'])) throw new Neo4jSetupError(`Maven (mvn) was not found.\n${INSTALL_HINT}`);

  log(`[neo4j] resolving Neo4j ${version} from Maven Central into ~/.m2 (first run only)…`);
  mkdirSync(classes, { recursive: true });
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', POM, `-Dneo4j.version=${version}`, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`], {
    encoding: 'utf8',
  });
  if (mvn.status !== 0) {
    throw new Neo4jSetupError(
      `Maven could not resolve Neo4j ${version} (is Maven Central reachable?):\n${(mvn.stdout + mvn.stderr).trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const jars = readFileSync(classpathFile, 'utf8').trim();
  const compiled = spawnSync(javac, ['-d', classes, '-cp', jars, SOURCE], { encoding: 'utf8' });
  if (compiled.status !== 0) throw new Neo4jSetupError(`javac failed on ${SOURCE}:\n${compiled.stdout}${compiled.stderr}`);
  return { version, java, classpath: [classes, jars].join(path.delimiter) };
}

/**
 * Starts Neo4j in a child JVM and resolves once Bolt answers:
 * { uri, controlPort, stop() }. `stop()` closes the JVM's stdin and waits for it to exit.
 * `launcher` is what buildNeo4jServer returns. The defaults suit the tests (small graphs, a
 * shared machine: 1 GB heap, serial GC, C1 only); the benchmark passes `tuned` for a server
 * configured as Neo4j is in production (default GC and JIT), with its own heap and page cache.
 */
export function startNeo4jServer(launcher, { startTimeoutMs = 180_000, heap = HEAP, pageCache = PAGE_CACHE, tuned = false } = {}) {
  const jvm = tuned ? [`-Xms${heap}`, `-Xmx${heap}`] : [`-Xmx${heap}`, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
  const child = spawn(launcher.java, [...jvm, `-Dsteppe.pageCache=${pageCache}`, '-cp', launcher.classpath, 'steppe.Neo4jTestServer'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let uri;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jSetupError(`Neo4j did not start within ${startTimeoutMs / 1000} s.\n${stderr}`));
    }, startTimeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      uri ??= /^BOLT (\S+)$/m.exec(out)?.[1];
      const control = /^CONTROL (\d+)$/m.exec(out)?.[1];
      if (uri && control) {
        clearTimeout(timer);
        resolve({ uri, controlPort: Number(control), stop });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Neo4jSetupError(`Neo4j exited before it was ready (code ${code}, signal ${signal}).\n${stderr}`));
    });
  });
}
