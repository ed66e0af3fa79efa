// The fields every public package needs for a release (issue 13): one check, used by each
// package's test (check-package.mjs) and by the consumer tests on the packed manifests.

export const REPOSITORY = 'https://github.com/deepnets/deepnets';
export const SOURCE_CONDITION = '@deepnets/source';

/** `exports` with the dev-only source condition removed: what consumers must see. */
export function withoutSourceCondition(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

/** Problems with a package manifest and its LICENSE text (empty when it is ready to publish). */
export function checkReleaseFields(pkg, license, rootLicense) {
  const problems = [];
  const expect = (ok, message) => ok || problems.push(message);
  expect(pkg.license === 'MIT', `license is "${pkg.license}", expected "MIT"`);
  expect(license === rootLicense, 'LICENSE differs from the repository root LICENSE');
  expect(pkg.repository?.url === `git+${REPOSITORY}.git`, `repository.url is "${pkg.repository?.url}"`);
  expect(pkg.homepage?.startsWith(`${REPOSITORY}/tree/main/`), `homepage is "${pkg.homepage}"`);
  expect(pkg.bugs?.url === `${REPOSITORY}/issues`, `bugs.url is "${pkg.bugs?.url}"`);
  expect(pkg.publishConfig?.access === 'public', 'publishConfig.access is not "public"');
  expect(pkg.scripts?.prepack !== undefined, 'no prepack script (a build before pack and publish)');
  const published = pkg.publishConfig?.exports;
  expect(
    JSON.stringify(published) === JSON.stringify(withoutSourceCondition(pkg.exports)),
    `publishConfig.exports must equal exports without the "${SOURCE_CONDITION}" condition`,
  );
  return problems;
}
