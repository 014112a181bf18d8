"""Is the site updated? The homepage, its columns, its sitemap (信息更新; the census's 首页/栏目不更新)."""
