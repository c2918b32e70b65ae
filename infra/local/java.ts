import { spawnSync } from 'node:child_process';

/** DynamoDB Local is a Java program: say so plainly when Java 17+ is missing, instead of a stack trace. */
export function requireJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const major = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const version = major ? (major[1] === '1' ? Number(major[2]) : Number(major[1])) : undefined;
  if (result.error || result.status !== 0 || version === undefined) {
    throw new MissingJavaError('Java was not found on PATH.');
  }
  if (version < 17) throw new MissingJavaError(`Java ${version} was found, but 17 or newer is needed.`);
}

export class MissingJavaError extends Error {
  constructor(reason: string) {
    super(
      `${reason}\nDynamoDB Local (which the local stack runs) needs Java 17+.\n` +
        'Install it, for example:\n' +
        '  Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        '  Windows:       winget install EclipseAdoptium.Temurin.17.JRE\n' +
        'then run `java -version` to check and start again.',
    );
    this.name = 'MissingJavaError';
  }
}
