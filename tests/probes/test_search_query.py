from govlens.probes.gatherers.search_query import _request, pick_query, read_count


def test_query_is_the_most_frequent_four_character_word():
    titles = ["桐庐县召开安全生产工作会议", "桐庐县部署安全生产大检查", "关于做好2013年森林防火工作的通知"]
    word, n = pick_query(titles, exclude="桐庐县人民政府")
    assert word == "安全生产" and n == 2


def test_two_characters_when_no_four_repeat_and_stop_words_skipped():
    word, n = pick_query(["防汛会议召开", "全力防汛", "关于召开会议的通知"])
    assert word == "防汛" and n == 2


def test_no_repeated_word():
    assert pick_query(["一", "二"]) == (None, 0)


def test_count_as_stated():
    assert read_count("关键词：安全 共找到1,234条结果", 0) == (1234, "stated", "共找到1,234条")
    assert read_count("检索到 56 条记录", 0)[0] == 56
    assert read_count("未找到与“安全”相关的信息。", 3) == (0, "stated", "未找到")


def test_count_falls_back_to_the_result_list():
    assert read_count("搜索结果", 7) == (7, "counted", "")


def test_request_keeps_hidden_fields_and_existing_query():
    url, body = _request({"action": "https://a.gov.cn/s.jsp?site=1", "method": "get", "query_input": "kw",
                          "hidden": {"channel": "7"}, "inputs": ["kw"]}, "安全生产")
    assert body is None and url.startswith("https://a.gov.cn/s.jsp?site=1&channel=7&kw=")
    assert url.endswith("%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7")
    _, post = _request({"action": "https://a.gov.cn/s", "method": "post", "inputs": ["q"]}, "x")
    assert post == {"q": "x"}
