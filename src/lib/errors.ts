// Typed errors that services throw. The error plugin maps each to one RFC 9457 problem
// response, so services never speak HTTP and routes never build error bodies by hand.

export interface FieldError {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Short slug for the problem `type` URI, e.g. "not-found". */
  abstract readonly kind: string;
  constructor(
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed or a field is invalid. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly kind = "validation-error";
}

/** 401: no credentials, bad credentials, or an expired or revoked token. */
export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly kind = "unauthorized";
}

/** 403: authenticated, but this role may not do this. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly kind = "forbidden";
}

/** 404: absent, or not the caller's (the two are indistinguishable on purpose). */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly kind = "not-found";
}

/** 409: the resource's current state forbids the change (duplicate, already done, not latest). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly kind = "conflict";
}

/** 410: it existed but is no longer available (expired invite, closed quiz). */
export class GoneError extends AppError {
  readonly status = 410;
  readonly kind = "gone";
}

/** 413: a body or field larger than allowed. */
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly kind = "payload-too-large";
}

/** 422: well-formed but impossible, such as an answer of the wrong shape for the question. */
export class UnprocessableError extends AppError {
  readonly status = 422;
  readonly kind = "unprocessable";
}
