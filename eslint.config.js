import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'build', 'web/dist', 'data', 'bench/.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  // Plain scripts run by Node (the build steps, the command's launcher).
  { files: ['**/*.mjs', 'bin/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
