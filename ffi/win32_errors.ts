/**
 * The general Win32 codes RAS functions return (winerror.h), written by hand: the source that
 * scripts/gen_error_table.ts turns, with raserror.json, into the error table
 * (`ffi/_error_table.ts`) and the ERROR_* constants (`ffi/_error_codes.ts`). Nothing at run
 * time imports it.
 *
 * @module
 */

/** The Win32 codes rasapi32 returns (winerror.h): [code, symbolic name, message]. */
export const WIN32_ERRORS: readonly (readonly [number, string, string])[] = [
  [0, "ERROR_SUCCESS", "The operation completed successfully."],
  [1, "ERROR_INVALID_FUNCTION", "Incorrect function."],
  [2, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."],
  [3, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."],
  [5, "ERROR_ACCESS_DENIED", "Access is denied."],
  [6, "ERROR_INVALID_HANDLE", "The handle is invalid."],
  [
    8,
    "ERROR_NOT_ENOUGH_MEMORY",
    "Not enough memory resources are available to process this command.",
  ],
  [13, "ERROR_INVALID_DATA", "The data is invalid."],
  [
    14,
    "ERROR_OUTOFMEMORY",
    "Not enough memory resources are available to complete this operation.",
  ],
  [19, "ERROR_WRITE_PROTECT", "The media is write protected."],
  [21, "ERROR_NOT_READY", "The device is not ready."],
  [24, "ERROR_BAD_LENGTH", "The program issued a command but the command length is incorrect."],
  [50, "ERROR_NOT_SUPPORTED", "The request is not supported."],
  [53, "ERROR_BAD_NETPATH", "The network path was not found."],
  [80, "ERROR_FILE_EXISTS", "The file exists."],
  [86, "ERROR_INVALID_PASSWORD", "The specified network password is not correct."],
  [87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."],
  [120, "ERROR_CALL_NOT_IMPLEMENTED", "This function is not supported on this system."],
  [122, "ERROR_INSUFFICIENT_BUFFER", "The data area passed to a system call is too small."],
  [123, "ERROR_INVALID_NAME", "The filename, directory name, or volume label syntax is incorrect."],
  [126, "ERROR_MOD_NOT_FOUND", "The specified module could not be found."],
  [127, "ERROR_PROC_NOT_FOUND", "The specified procedure could not be found."],
  [160, "ERROR_BAD_ARGUMENTS", "One or more arguments are not correct."],
  [183, "ERROR_ALREADY_EXISTS", "Cannot create a file when that file already exists."],
  [234, "ERROR_MORE_DATA", "More data is available."],
  [259, "ERROR_NO_MORE_ITEMS", "No more data is available."],
  [487, "ERROR_INVALID_ADDRESS", "Attempt to access invalid address."],
  [
    995,
    "ERROR_OPERATION_ABORTED",
    "The I/O operation has been aborted because of either a thread exit or an application request.",
  ],
  [997, "ERROR_IO_PENDING", "Overlapped I/O operation is in progress."],
  [998, "ERROR_NOACCESS", "Invalid access to memory location."],
  [1004, "ERROR_INVALID_FLAGS", "Invalid flags."],
  [1052, "ERROR_INVALID_SERVICE_CONTROL", "The requested control is not valid for this service."],
  [
    1058,
    "ERROR_SERVICE_DISABLED",
    "The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.",
  ],
  [
    1060,
    "ERROR_SERVICE_DOES_NOT_EXIST",
    "The specified service does not exist as an installed service.",
  ],
  [1062, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started."],
  [1114, "ERROR_DLL_INIT_FAILED", "A dynamic link library (DLL) initialization routine failed."],
  [1168, "ERROR_NOT_FOUND", "Element not found."],
  [1223, "ERROR_CANCELLED", "The operation was canceled by the user."],
  [1231, "ERROR_NETWORK_UNREACHABLE", "The network location cannot be reached."],
  [1232, "ERROR_HOST_UNREACHABLE", "The network location cannot be reached."],
  [1314, "ERROR_PRIVILEGE_NOT_HELD", "A required privilege is not held by the client."],
  [1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."],
  [
    1355,
    "ERROR_NO_SUCH_DOMAIN",
    "The specified domain either does not exist or could not be contacted.",
  ],
  [1400, "ERROR_INVALID_WINDOW_HANDLE", "Invalid window handle."],
  [1460, "ERROR_TIMEOUT", "This operation returned because the timeout period expired."],
  [
    1784,
    "ERROR_INVALID_USER_BUFFER",
    "The supplied user buffer is not valid for the requested operation.",
  ],
  // IKEv2 VPN failures come back as IPsec codes from winerror.h.
  [13801, "ERROR_IPSEC_IKE_AUTH_FAIL", "IKE authentication credentials are unacceptable."],
  [13806, "ERROR_IPSEC_IKE_NO_CERT", "IKE failed to find valid machine certificate."],
  [13868, "ERROR_IPSEC_IKE_POLICY_MATCH", "Policy match error."],
];
