/** The password rules shown on sign-up and reset; the API enforces the same minimum. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
