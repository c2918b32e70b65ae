/**
 * The AWS SDK warns at load time that its future releases need Node 22. Roster supports Node 20+
 * locally and runs Node 22 on Lambda, so the warning is noise here. The SDK's own switch turns it off.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
