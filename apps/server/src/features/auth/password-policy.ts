import { PASSWORD_COMMON, PASSWORD_GUESSABLE, Password } from '@rapport/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../errors.js';

/**
 * Which new passwords Rapport accepts (OWASP ASVS 4 §2.1), checked offline:
 * - 12 to 128 Unicode code points, no composition rules (the contract `Password`);
 * - not in the common-password list of @zxcvbn-ts/language-common (~49,000 passwords most often seen in
 *   breaches), compared case-insensitively;
 * - a zxcvbn-ts score of at least 3 ("safely unguessable", ≥ 10^8 guesses) with the user's e-mail and name
 *   as extra dictionary words, so "aaaaaaaaaaaa", "qwertyuiop123" or "ada@example.com1" are refused while a
 *   few unrelated words ("correct-horse-battery") pass.
 * Only new passwords are checked: sign-in compares with the stored hash, so existing users keep theirs.
 */
export const MIN_SCORE = 3;

let common: Set<string> | null = null;
let factory: ZxcvbnFactory | null = null;

// Built on first use: the dictionaries take a moment to unpack and most processes never set a password.
function estimator() {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return { factory, common };
}

/** Why the password is refused, as a field error message, or null when it is accepted. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  const parsed = Password.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not accepted';
  const { factory, common } = estimator();
  if (common.has(password.toLowerCase())) return PASSWORD_COMMON;
  const personal = userInputs.flatMap((input) => [input, ...input.split(/[@\s.]+/)]).filter(Boolean);
  if (factory.check(password, personal).score < MIN_SCORE) return PASSWORD_GUESSABLE;
  return null;
}

/** Throws the 422 field error the API answers with when a new password is refused. */
export function requireAcceptablePassword(
  password: string | undefined,
  path: string,
  userInputs: string[] = [],
): void {
  if (password === undefined) return;
  const problem = passwordProblem(password, userInputs);
  if (problem) throw new AppError('rule_broken', `${path}: ${problem}`, [{ path, message: problem }]);
}
