import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'build', 'web/dist', 'data', 'bench/.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  // Plain scripts run by Node (the build steps, the command's launcher).
  { files: ['**/*.mjs', 'bin/*.cjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // The launcher is CommonJS (see its first lines), where require is how a module is loaded.
  {
    files: ['bin/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
