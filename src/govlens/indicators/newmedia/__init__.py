"""Government Weibo and WeChat accounts (series 9): batch indicators over the account facts."""
