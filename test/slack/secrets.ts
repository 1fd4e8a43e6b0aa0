// The fake secrets every Slack test configures: recognisable, so a test can search output for leaks.
export const BOT_TOKEN = 'xoxb-test-bot-token-not-real';
export const APP_TOKEN = 'xapp-test-app-token-not-real';
export const SIGNING_SECRET = 'test-signing-secret-not-real';
