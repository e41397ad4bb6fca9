// A real Neo4j for the tests: builds the launcher in tests/neo4j-server/ (Neo4j's own
// artifacts from Maven Central, cached in ~/.m2 and tests/neo4j-server/target/) and starts
// it as a child JVM that cannot outlive this process (it exits when its stdin closes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = path.join(ROOT, 'tests/neo4j-server');
const POM = path.join(PROJECT, 'pom.xml');
const SOURCE = path.join(PROJECT, 'src/main/java/steppe/Neo4jTestServer.java');
const TARGET = path.join(PROJECT, 'target');
const CLASSES = path.join(TARGET, 'classes');
const CLASS_FILE = path.join(CLASSES, 'steppe/Neo4jTestServer.class');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
/** Heap for the test server: modest, the tests' graphs are small and the machine is shared. */
const HEAP = process.env.STEPPE_NEO4J_HEAP || '1g';

const INSTALL_HINT =
  'The Neo4j tests start a real Neo4j 5.26 from Maven Central and need Java 17+ (with javac) and Maven.\n' +
  'Install them with:  sudo apt-get install -y openjdk-17-jdk-headless maven';

export class Neo4jSetupError extends Error {}

function tool(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.error ? undefined : `${r.stdout}${r.stderr}`;
}

function newerThan(file, ...inputs) {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

/** Builds the launcher unless the cached build is current. Returns the Java classpath. Throws Neo4jSetupError. */
export function buildNeo4jServer({ log = console.log } = {}) {
  const cached = newerThan(CLASSPATH_FILE, POM) && newerThan(CLASS_FILE, SOURCE, CLASSPATH_FILE);
  if (cached) {
    const jars = readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter);
    if (jars.every((j) => existsSync(j))) return [CLASSES, ...jars].join(path.delimiter);
  }
  const java = tool('java', ['-version']);
  const major = Number(/version "(\d+)/.exec(java ?? '')?.[1] ?? 0);
  if (!java || major < 17) throw new Neo4jSetupError(`Java 17 or newer was not found (java -version: ${java?.trim() || 'no java on PATH'}).\n${INSTALL_HINT}`);
  if (!tool('javac', ['-version'])) throw new Neo4jSetupError(`javac (a JDK, not only a JRE) was not found.\n${INSTALL_HINT}`);
  if (!tool('mvn', ['-v'])) throw new Neo4jSetupError(`Maven (mvn) was not found.\n${INSTALL_HINT}`);

  log('[neo4j] resolving Neo4j from Maven Central into ~/.m2 (first run only)…');
  mkdirSync(CLASSES, { recursive: true });
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], {
    encoding: 'utf8',
  });
  if (mvn.status !== 0) {
    throw new Neo4jSetupError(
      `Maven could not resolve Neo4j (is Maven Central reachable?):\n${(mvn.stdout + mvn.stderr).trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const jars = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const javac = spawnSync('javac', ['-d', CLASSES, '-cp', jars, SOURCE], { encoding: 'utf8' });
  if (javac.status !== 0) throw new Neo4jSetupError(`javac failed on ${SOURCE}:\n${javac.stdout}${javac.stderr}`);
  return [CLASSES, jars].join(path.delimiter);
}

/**
 * Starts Neo4j in a child JVM and resolves once Bolt answers:
 * { uri, controlPort, stop() }. `stop()` closes the JVM's stdin and waits for it to exit.
 */
export function startNeo4jServer(classpath, { startTimeoutMs = 180_000 } = {}) {
  const child = spawn('java', [`-Xmx${HEAP}`, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', classpath, 'steppe.Neo4jTestServer'], {
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
