/** Maps errors thrown by got (and Node's socket layer under it) to fetch failure reasons. */
import type { FetchFailureReason } from './retry-policy.js';

/** Returns the failure reason for an error thrown by a got request. */
export function reasonForGotError(error: unknown): FetchFailureReason {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const name = error instanceof Error ? error.name : '';

  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return 'timeout';
  }
  if (name === 'MaxRedirectsError' || code === 'ERR_TOO_MANY_REDIRECTS') {
    return 'too_many_redirects';
  }
  if (name === 'AbortError' || code === 'ERR_ABORTED' || code === 'ABORT_ERR') {
    return 'aborted';
  }
  if (code === 'ECONNREFUSED') {
    return 'connection_refused';
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return 'connection_reset';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return 'dns_failure';
  }
  return 'network';
}
