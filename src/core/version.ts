/** modelci's version (`modelci --version`, the server's metadata, run records). Keep equal to package.json. */
export const VERSION = '0.1.0';
