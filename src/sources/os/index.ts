/**
 * OS package-list adapters: dpkg status, `rpm -qa` output, apk installed database. The distro
 * release comes from the host's os-release when it sits where it belongs (readme.md).
 */
export { apkInstalledAdapter } from './apk/index.js';
export { dpkgStatusAdapter } from './dpkg/index.js';
export { rpmQaAdapter } from './rpm/index.js';
