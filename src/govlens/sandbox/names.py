"""Name pools of the sandbox: real provinces, cities and counties with pinyin, departments, central organs.

Only characters GBK can encode are used, so any name can appear on a GBK site.

Data lines, parsed once by :func:`provinces`:

    P <province> <pinyin> <ICP abbreviation> <suffix>           a province (suffix 省, 自治区 …)
    M <municipality> <pinyin> <ICP abbreviation>  <district:pinyin> …
    C <city> <pinyin> <S|-> <county:pinyin> …                    a city of the last P; first C is the capital;
                                                                 S marks a sub-provincial city
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

_DATA = """
M 北京 beijing 京 东城区:dongcheng 西城区:xicheng 朝阳区:chaoyang 海淀区:haidian 丰台区:fengtai 石景山区:shijingshan 通州区:tongzhou 顺义区:shunyi 昌平区:changping 大兴区:daxing 怀柔区:huairou 密云区:miyun 延庆区:yanqing 门头沟区:mentougou 房山区:fangshan 平谷区:pinggu
M 天津 tianjin 津 和平区:heping 河东区:hedong 河西区:hexi 南开区:nankai 河北区:hebei 红桥区:hongqiao 滨海新区:binhai 东丽区:dongli 西青区:xiqing 津南区:jinnan 北辰区:beichen 武清区:wuqing 宝坻区:baodi 蓟州区:jizhou 静海区:jinghai 宁河区:ninghe
M 上海 shanghai 沪 黄浦区:huangpu 徐汇区:xuhui 长宁区:changning 静安区:jingan 普陀区:putuo 虹口区:hongkou 杨浦区:yangpu 闵行区:minhang 宝山区:baoshan 嘉定区:jiading 浦东新区:pudong 金山区:jinshan 松江区:songjiang 青浦区:qingpu 奉贤区:fengxian 崇明区:chongming
M 重庆 chongqing 渝 渝中区:yuzhong 江北区:jiangbei 沙坪坝区:shapingba 九龙坡区:jiulongpo 南岸区:nanan 北碚区:beibei 渝北区:yubei 巴南区:banan 万州区:wanzhou 涪陵区:fuling 永川区:yongchuan 合川区:hechuan 江津区:jiangjin 綦江区:qijiang 长寿区:changshou 璧山区:bishan
P 河北 hebei 冀 省
C 石家庄 shijiazhuang - 长安区:changan 桥西区:qiaoxi 正定县:zhengding 赞皇县:zanhuang 辛集市:xinji 晋州市:jinzhou
C 唐山 tangshan - 路南区:lunan 丰润区:fengrun 滦州市:luanzhou 迁安市:qianan 乐亭县:laoting
C 保定 baoding - 竞秀区:jingxiu 涿州市:zhuozhou 安国市:anguo 易县:yixian 阜平县:fuping
C 邯郸 handan - 丛台区:congtai 武安市:wuan 涉县:shexian 磁县:cixian 魏县:weixian
P 山西 shanxi 晋 省
C 太原 taiyuan - 小店区:xiaodian 迎泽区:yingze 清徐县:qingxu 阳曲县:yangqu 古交市:gujiao
C 大同 datong - 平城区:pingcheng 云冈区:yungang 阳高县:yanggao 天镇县:tianzhen 浑源县:hunyuan
C 晋中 jinzhong - 榆次区:yuci 平遥县:pingyao 介休市:jiexiu 祁县:qixian 太谷区:taigu
P 内蒙古 neimenggu 蒙 自治区
C 呼和浩特 huhehaote - 新城区:xincheng 回民区:huimin 托克托县:tuoketuo 武川县:wuchuan 和林格尔县:helingeer
C 包头 baotou - 昆都仑区:kundulun 青山区:qingshan 固阳县:guyang 土默特右旗:tumoteyouqi
C 鄂尔多斯 eerduosi - 东胜区:dongsheng 康巴什区:kangbashi 准格尔旗:zhungeer 达拉特旗:dalate
P 辽宁 liaoning 辽 省
C 沈阳 shenyang S 和平区:sy_heping 沈河区:shenhe 皇姑区:huanggu 铁西区:tiexi 浑南区:hunnan 新民市:xinmin 康平县:kangping
C 大连 dalian S 中山区:zhongshan 西岗区:xigang 沙河口区:shahekou 甘井子区:ganjingzi 瓦房店市:wafangdian 庄河市:zhuanghe 长海县:changhai
C 鞍山 anshan - 铁东区:tiedong 海城市:haicheng 台安县:taian 岫岩满族自治县:xiuyan
C 朝阳 chaoyangshi - 双塔区:shuangta 北票市:beipiao 凌源市:lingyuan 建平县:jianping
P 吉林 jilin 吉 省
C 长春 changchun S 南关区:nanguan 朝阳区:cc_chaoyang 二道区:erdao 绿园区:lvyuan 农安县:nongan 榆树市:yushu 德惠市:dehui
C 吉林 jilinshi - 船营区:chuanying 丰满区:fengman 蛟河市:jiaohe 桦甸市:huadian 磐石市:panshi
C 延边 yanbian - 延吉市:yanji 图们市:tumen 敦化市:dunhua 珲春市:hunchun 龙井市:longjing
P 黑龙江 heilongjiang 黑 省
C 哈尔滨 haerbin S 道里区:daoli 南岗区:nangang 香坊区:xiangfang 松北区:songbei 尚志市:shangzhi 五常市:wuchang 宾县:binxian
C 齐齐哈尔 qiqihaer - 龙沙区:longsha 建华区:jianhua 讷河市:nehe 龙江县:longjiang 依安县:yian
C 牡丹江 mudanjiang - 东安区:dongan 海林市:hailin 宁安市:ningan 穆棱市:muling 绥芬河市:suifenhe
P 江苏 jiangsu 苏 省
C 南京 nanjing S 玄武区:xuanwu 秦淮区:qinhuai 建邺区:jianye 鼓楼区:nj_gulou 江宁区:jiangning 浦口区:pukou 六合区:liuhe 溧水区:lishui 高淳区:gaochun
C 苏州 suzhou - 姑苏区:gusu 吴中区:wuzhong 吴江区:wujiang 常熟市:changshu 张家港市:zhangjiagang 昆山市:kunshan 太仓市:taicang
C 无锡 wuxi - 梁溪区:liangxi 滨湖区:binhu 锡山区:xishan 江阴市:jiangyin 宜兴市:yixing
C 徐州 xuzhou - 云龙区:yunlong 铜山区:tongshan 丰县:fengxian_js 沛县:peixian 睢宁县:suining 新沂市:xinyi 邳州市:pizhou
C 盐城 yancheng - 亭湖区:tinghu 盐都区:yandu 东台市:dongtai 响水县:xiangshui 射阳县:sheyang 建湖县:jianhu
P 浙江 zhejiang 浙 省
C 杭州 hangzhou S 上城区:shangcheng 拱墅区:gongshu 西湖区:xihu 滨江区:binjiang 萧山区:xiaoshan 余杭区:yuhang 桐庐县:tonglu 淳安县:chunan 建德市:jiande
C 宁波 ningbo S 海曙区:haishu 江北区:nb_jiangbei 北仑区:beilun 镇海区:zhenhai 鄞州区:yinzhou 象山县:xiangshan 宁海县:ninghai 余姚市:yuyao 慈溪市:cixi
C 温州 wenzhou - 鹿城区:lucheng 龙湾区:longwan 瑞安市:ruian 乐清市:yueqing 永嘉县:yongjia 文成县:wencheng 泰顺县:taishun
C 绍兴 shaoxing - 越城区:yuecheng 柯桥区:keqiao 上虞区:shangyu 诸暨市:zhuji 嵊州市:shengzhou 新昌县:xinchang
C 金华 jinhua - 婺城区:wucheng 金东区:jindong 义乌市:yiwu 东阳市:dongyang 永康市:yongkang 浦江县:pujiang 武义县:wuyi
P 安徽 anhui 皖 省
C 合肥 hefei - 瑶海区:yaohai 庐阳区:luyang 蜀山区:shushan 包河区:baohe 长丰县:changfeng 肥东县:feidong 肥西县:feixi 巢湖市:chaohu
C 芜湖 wuhu - 镜湖区:jinghu 鸠江区:jiujiang 无为市:wuwei 南陵县:nanling
C 安庆 anqing - 迎江区:yingjiang 桐城市:tongcheng 潜山市:qianshan 怀宁县:huaining 太湖县:taihu 岳西县:yuexi
C 黄山 huangshan - 屯溪区:tunxi 黄山区:hs_huangshan 歙县:shexian_ah 休宁县:xiuning 黟县:yixian_ah 祁门县:qimen
P 福建 fujian 闽 省
C 福州 fuzhou - 鼓楼区:fz_gulou 台江区:taijiang 仓山区:cangshan 晋安区:jinan 长乐区:changle 闽侯县:minhou 连江县:lianjiang 福清市:fuqing
C 厦门 xiamen S 思明区:siming 湖里区:huli 集美区:jimei 海沧区:haicang 同安区:tongan 翔安区:xiangan
C 泉州 quanzhou - 鲤城区:licheng 丰泽区:fengze 晋江市:jinjiang 石狮市:shishi 南安市:nanan_fj 惠安县:huian 安溪县:anxi
P 江西 jiangxi 赣 省
C 南昌 nanchang - 东湖区:donghu 西湖区:nc_xihu 青山湖区:qingshanhu 南昌县:nanchangxian 进贤县:jinxian 安义县:anyi
C 赣州 ganzhou - 章贡区:zhanggong 南康区:nankang 瑞金市:ruijin 信丰县:xinfeng 于都县:yudu 兴国县:xingguo
C 九江 jiujiang - 浔阳区:xunyang 濂溪区:lianxi 瑞昌市:ruichang 庐山市:lushan 修水县:xiushui 都昌县:duchang
P 山东 shandong 鲁 省
C 济南 jinan S 历下区:lixia 市中区:jn_shizhong 槐荫区:huaiyin 天桥区:tianqiao 历城区:licheng_sd 章丘区:zhangqiu 平阴县:pingyin 商河县:shanghe
C 青岛 qingdao S 市南区:shinan 市北区:shibei 黄岛区:huangdao 崂山区:laoshan 李沧区:licang 城阳区:chengyang 即墨区:jimo 胶州市:jiaozhou 平度市:pingdu 莱西市:laixi
C 烟台 yantai - 芝罘区:zhifu 福山区:fushan 莱山区:laishan 龙口市:longkou 莱阳市:laiyang 蓬莱区:penglai 招远市:zhaoyuan
C 潍坊 weifang - 潍城区:weicheng 奎文区:kuiwen 寿光市:shouguang 青州市:qingzhou 诸城市:zhucheng 高密市:gaomi 临朐县:linqu
C 临沂 linyi - 兰山区:lanshan 罗庄区:luozhuang 沂南县:yinan 郯城县:tancheng 沂水县:yishui 兰陵县:lanling 费县:feixian
P 河南 henan 豫 省
C 郑州 zhengzhou - 中原区:zhongyuan 二七区:erqi 金水区:jinshui 惠济区:huiji 中牟县:zhongmu 巩义市:gongyi 荥阳市:xingyang 新郑市:xinzheng 登封市:dengfeng
C 洛阳 luoyang - 老城区:laocheng 西工区:xigong 涧西区:jianxi 偃师区:yanshi 孟津区:mengjin 新安县:xinan 栾川县:luanchuan 嵩县:songxian
C 南阳 nanyang - 宛城区:wancheng 卧龙区:wolong 邓州市:dengzhou 南召县:nanzhao 方城县:fangcheng 西峡县:xixia 镇平县:zhenping
C 开封 kaifeng - 龙亭区:longting 鼓楼区:kf_gulou 祥符区:xiangfu 杞县:qixian_hn 通许县:tongxu 尉氏县:weishi 兰考县:lankao
P 湖北 hubei 鄂 省
C 武汉 wuhan S 江岸区:jiangan 江汉区:jianghan 硚口区:qiaokou 汉阳区:hanyang 武昌区:wuchang_wh 洪山区:hongshan 东西湖区:dongxihu 江夏区:jiangxia 黄陂区:huangpi 新洲区:xinzhou
C 宜昌 yichang - 西陵区:xiling 伍家岗区:wujiagang 夷陵区:yiling 宜都市:yidu 当阳市:dangyang 枝江市:zhijiang 远安县:yuanan 秭归县:zigui
C 襄阳 xiangyang - 襄城区:xiangcheng 樊城区:fancheng 襄州区:xiangzhou 老河口市:laohekou 枣阳市:zaoyang 宜城市:yicheng 南漳县:nanzhang 谷城县:gucheng
P 湖南 hunan 湘 省
C 长沙 changsha - 芙蓉区:furong 天心区:tianxin 岳麓区:yuelu 开福区:kaifu 雨花区:yuhua 望城区:wangcheng 长沙县:changshaxian 浏阳市:liuyang 宁乡市:ningxiang
C 株洲 zhuzhou - 荷塘区:hetang 芦淞区:lusong 石峰区:shifeng 天元区:tianyuan 醴陵市:liling 攸县:youxian 茶陵县:chaling 炎陵县:yanling
C 岳阳 yueyang - 岳阳楼区:yueyanglou 云溪区:yunxi 君山区:junshan 汨罗市:miluo 临湘市:linxiang 华容县:huarong 湘阴县:xiangyin 平江县:pingjiang
P 广东 guangdong 粤 省
C 广州 guangzhou S 荔湾区:liwan 越秀区:yuexiu 海珠区:haizhu 天河区:tianhe 白云区:baiyun 黄埔区:huangpu_gz 番禺区:panyu 花都区:huadu 南沙区:nansha 从化区:conghua 增城区:zengcheng
C 深圳 shenzhen S 罗湖区:luohu 福田区:futian 南山区:nanshan 宝安区:baoan 龙岗区:longgang 盐田区:yantian 龙华区:longhua 坪山区:pingshan 光明区:guangming
C 佛山 foshan - 禅城区:chancheng 南海区:nanhai 顺德区:shunde 三水区:sanshui 高明区:gaoming
C 东莞 dongguan - 莞城街道:guancheng 虎门镇:humen 长安镇:changan_dg 松山湖:songshanhu
C 汕头 shantou - 金平区:jinping 龙湖区:longhu 澄海区:chenghai 潮阳区:chaoyang_st 潮南区:chaonan 南澳县:nanao
C 湛江 zhanjiang - 赤坎区:chikan 霞山区:xiashan 廉江市:lianjiang_gd 雷州市:leizhou 吴川市:wuchuan 遂溪县:suixi 徐闻县:xuwen
P 广西 guangxi 桂 壮族自治区
C 南宁 nanning - 兴宁区:xingning 青秀区:qingxiu 江南区:jiangnan 西乡塘区:xixiangtang 武鸣区:wuming 横州市:hengzhou 宾阳县:binyang 上林县:shanglin
C 桂林 guilin - 秀峰区:xiufeng 叠彩区:diecai 象山区:gl_xiangshan 七星区:qixing 阳朔县:yangshuo 灵川县:lingchuan 兴安县:xingan 龙胜各族自治县:longsheng
C 柳州 liuzhou - 城中区:chengzhong 鱼峰区:yufeng 柳南区:liunan 柳北区:liubei 柳江区:liujiang 鹿寨县:luzhai 融安县:rongan 三江侗族自治县:sanjiang
P 海南 hainan 琼 省
C 海口 haikou - 秀英区:xiuying 龙华区:hk_longhua 琼山区:qiongshan 美兰区:meilan
C 三亚 sanya - 海棠区:haitang 吉阳区:jiyang 天涯区:tianya 崖州区:yazhou
P 四川 sichuan 川 省
C 成都 chengdu S 锦江区:jinjiang_cd 青羊区:qingyang 金牛区:jinniu 武侯区:wuhou 成华区:chenghua 龙泉驿区:longquanyi 新都区:xindu 温江区:wenjiang 双流区:shuangliu 郫都区:pidu 都江堰市:dujiangyan 彭州市:pengzhou 崇州市:chongzhou
C 绵阳 mianyang - 涪城区:fucheng 游仙区:youxian_sc 安州区:anzhou 江油市:jiangyou 三台县:santai 盐亭县:yanting 梓潼县:zitong 平武县:pingwu
C 宜宾 yibin - 翠屏区:cuiping 南溪区:nanxi 叙州区:xuzhou_sc 江安县:jiangan_sc 长宁县:changning_sc 高县:gaoxian 珙县:gongxian 筠连县:junlian
C 南充 nanchong - 顺庆区:shunqing 高坪区:gaoping 嘉陵区:jialing 阆中市:langzhong 南部县:nanbu 营山县:yingshan 蓬安县:pengan 仪陇县:yilong
P 贵州 guizhou 黔 省
C 贵阳 guiyang - 南明区:nanming 云岩区:yunyan 花溪区:huaxi 乌当区:wudang 白云区:gy_baiyun 观山湖区:guanshanhu 清镇市:qingzhen 开阳县:kaiyang 修文县:xiuwen 息烽县:xifeng
C 遵义 zunyi - 红花岗区:honghuagang 汇川区:huichuan 播州区:bozhou 仁怀市:renhuai 赤水市:chishui 桐梓县:tongzi 湄潭县:meitan 习水县:xishui
C 安顺 anshun - 西秀区:xixiu 平坝区:pingba 普定县:puding 镇宁布依族苗族自治县:zhenning 关岭布依族苗族自治县:guanling
P 云南 yunnan 云 省
C 昆明 kunming - 五华区:wuhua 盘龙区:panlong 官渡区:guandu 西山区:xishan_km 呈贡区:chenggong 晋宁区:jinning 安宁市:anning 宜良县:yiliang 石林彝族自治县:shilin
C 大理 dali - 大理市:dalishi 祥云县:xiangyun 宾川县:binchuan 弥渡县:midu 剑川县:jianchuan 鹤庆县:heqing
C 曲靖 qujing - 麒麟区:qilin 沾益区:zhanyi 马龙区:malong 宣威市:xuanwei 陆良县:luliang 师宗县:shizong 罗平县:luoping
P 西藏 xizang 藏 自治区
C 拉萨 lasa - 城关区:chengguan 堆龙德庆区:duilongdeqing 达孜区:dazi 林周县:linzhou 当雄县:dangxiong 尼木县:nimu 曲水县:qushui
C 日喀则 rikaze - 桑珠孜区:sangzhuzi 江孜县:jiangzi 定日县:dingri 萨迦县:sajia 拉孜县:lazi
P 陕西 shaanxi 陕 省
C 西安 xian S 新城区:xa_xincheng 碑林区:beilin 莲湖区:lianhu 雁塔区:yanta 未央区:weiyang 灞桥区:baqiao 阎良区:yanliang 临潼区:lintong 长安区:xa_changan 高陵区:gaoling 鄠邑区:huyi 蓝田县:lantian 周至县:zhouzhi
C 宝鸡 baoji - 渭滨区:weibin 金台区:jintai 陈仓区:chencang 凤翔区:fengxiang 岐山县:qishan 扶风县:fufeng 眉县:meixian 陇县:longxian
C 延安 yanan - 宝塔区:baota 安塞区:ansai 延长县:yanchang 延川县:yanchuan 志丹县:zhidan 吴起县:wuqi 甘泉县:ganquan 黄陵县:huangling
C 榆林 yulin - 榆阳区:yuyang 横山区:hengshan 神木市:shenmu 府谷县:fugu 靖边县:jingbian 定边县:dingbian 米脂县:mizhi
P 甘肃 gansu 甘 省
C 兰州 lanzhou - 城关区:lz_chengguan 七里河区:qilihe 西固区:xigu 安宁区:lz_anning 红古区:honggu 永登县:yongdeng 皋兰县:gaolan 榆中县:yuzhong
C 天水 tianshui - 秦州区:qinzhou 麦积区:maiji 清水县:qingshui 秦安县:qinan 甘谷县:gangu 武山县:wushan
C 酒泉 jiuquan - 肃州区:suzhou_gs 玉门市:yumen 敦煌市:dunhuang 金塔县:jinta 瓜州县:guazhou
P 青海 qinghai 青 省
C 西宁 xining - 城东区:chengdong 城中区:xn_chengzhong 城西区:chengxi 城北区:chengbei 湟中区:huangzhong 大通回族土族自治县:datong_qh 湟源县:huangyuan
C 海东 haidong - 乐都区:ledu 平安区:pingan 民和回族土族自治县:minhe 互助土族自治县:huzhu 化隆回族自治县:hualong
P 宁夏 ningxia 宁 回族自治区
C 银川 yinchuan - 兴庆区:xingqing 西夏区:xixia_nx 金凤区:jinfeng 永宁县:yongning 贺兰县:helan 灵武市:lingwu
C 石嘴山 shizuishan - 大武口区:dawukou 惠农区:huinong 平罗县:pingluo
C 吴忠 wuzhong_nx - 利通区:litong 红寺堡区:hongsibao 青铜峡市:qingtongxia 盐池县:yanchi 同心县:tongxin
P 新疆 xinjiang 新 维吾尔自治区
C 乌鲁木齐 wulumuqi - 天山区:tianshan 沙依巴克区:shayibake 新市区:xinshi 水磨沟区:shuimogou 米东区:midong 乌鲁木齐县:wulumuqixian
C 克拉玛依 kelamayi - 独山子区:dushanzi 克拉玛依区:kelamayiqu 白碱滩区:baijiantan 乌尔禾区:wuerhe
C 喀什 kashi - 喀什市:kashishi 疏附县:shufu 疏勒县:shule 英吉沙县:yingjisha 泽普县:zepu 莎车县:shache
"""

# Provincial departments: (name, host abbreviation); city and county departments below.
PROVINCIAL_DEPARTMENTS = (
    ("教育厅", "jyt"), ("公安厅", "gat"), ("财政厅", "czt"), ("民政厅", "mzt"), ("卫生健康委员会", "wsjkw"),
    ("人力资源和社会保障厅", "rst"), ("自然资源厅", "zrzyt"), ("生态环境厅", "sthjt"), ("住房和城乡建设厅", "zjt"),
    ("交通运输厅", "jtt"), ("水利厅", "slt"), ("农业农村厅", "nynct"), ("商务厅", "swt"), ("文化和旅游厅", "whhlyt"),
    ("市场监督管理局", "amr"), ("发展和改革委员会", "fgw"), ("科学技术厅", "kjt"), ("统计局", "tjj"), ("审计厅", "sjt"),
)
LOCAL_DEPARTMENTS = (
    ("教育局", "jyj"), ("公安局", "gaj"), ("财政局", "czj"), ("民政局", "mzj"), ("卫生健康委员会", "wjw"),
    ("人力资源和社会保障局", "rsj"), ("自然资源和规划局", "zrzyj"), ("生态环境局", "sthjj"), ("住房和城乡建设局", "zjj"),
    ("交通运输局", "jtj"), ("水利局", "slj"), ("农业农村局", "nyncj"), ("商务局", "swj"), ("文化广电旅游局", "wglj"),
    ("市场监督管理局", "scjgj"), ("应急管理局", "yjglj"), ("统计局", "tjj"), ("审计局", "sjj"),
    ("发展和改革委员会", "fgw"), ("科学技术局", "kjj"),
)
# Central organs (name, host label). Skipped when the shipped registry already names them.
CENTRAL_ORGANS = (
    ("外交部", "fmprc"), ("国防部", "mod"), ("国家发展和改革委员会", "ndrc"), ("教育部", "moe"), ("科学技术部", "most"),
    ("工业和信息化部", "miit"), ("国家民族事务委员会", "seac"), ("公安部", "mps"), ("民政部", "mca"), ("司法部", "moj"),
    ("财政部", "mof"), ("人力资源和社会保障部", "mohrss"), ("自然资源部", "mnr"), ("生态环境部", "mee"),
    ("住房和城乡建设部", "mohurd"), ("交通运输部", "mot"), ("水利部", "mwr"), ("农业农村部", "moa"), ("商务部", "mofcom"),
    ("文化和旅游部", "mct"), ("国家卫生健康委员会", "nhc"), ("退役军人事务部", "mva"), ("应急管理部", "mem"),
    ("审计署", "audit"), ("国务院国有资产监督管理委员会", "sasac"), ("海关总署", "customs"), ("国家税务总局", "chinatax"),
    ("国家市场监督管理总局", "samr"), ("国家广播电视总局", "nrta"), ("国家体育总局", "sport"), ("国家统计局", "stats"),
    ("国家知识产权局", "cnipa"), ("国家林业和草原局", "forestry"), ("国家粮食和物资储备局", "lswz"),
    ("国家能源局", "nea"), ("国家烟草专卖局", "tobacco"), ("国家铁路局", "nra"), ("中国民用航空局", "caac"),
    ("国家邮政局", "spb"), ("国家文物局", "ncha"), ("国家中医药管理局", "natcm"), ("国家外汇管理局", "safe"),
    ("国家药品监督管理局", "nmpa"), ("国家医疗保障局", "nhsa"), ("国家档案局", "saac"), ("国家保密局", "gjbmj"),
)
# Syllables for made-up but plausible county names once the real pool is used up.
SYLLABLES = (
    ("安", "an"), ("平", "ping"), ("宁", "ning"), ("山", "shan"), ("阳", "yang"), ("城", "cheng"), ("江", "jiang"),
    ("清", "qing"), ("丰", "feng"), ("永", "yong"), ("新", "xin"), ("和", "he"), ("泰", "tai"), ("兴", "xing"),
    ("华", "hua"), ("东", "dong"), ("南", "nan"), ("长", "chang"), ("乐", "le"), ("庆", "qing"), ("龙", "long"),
    ("石", "shi"), ("临", "lin"), ("武", "wu"), ("德", "de"), ("云", "yun"), ("松", "song"), ("桃", "tao"),
    ("溪", "xi"), ("源", "yuan"), ("林", "lin"), ("昌", "chang"), ("宜", "yi"), ("嘉", "jia"), ("明", "ming"),
    ("金", "jin"), ("凤", "feng"), ("汾", "fen"), ("岚", "lan"), ("沁", "qin"),
)


@dataclass(frozen=True, slots=True)
class County:
    name: str          # 桐庐县, 西湖区, 建德市
    pinyin: str


@dataclass(slots=True)
class City:
    name: str          # 杭州 (without 市)
    pinyin: str
    sub_provincial: bool
    capital: bool
    counties: list[County] = field(default_factory=list)


@dataclass(slots=True)
class Province:
    name: str          # 浙江, 内蒙古 (the registry's province value)
    pinyin: str
    icp: str           # 浙
    suffix: str        # 省, 自治区, 壮族自治区 …; "市" for municipalities
    municipality: bool
    cities: list[City] = field(default_factory=list)
    districts: list[County] = field(default_factory=list)   # municipalities only

    @property
    def full(self) -> str:
        return f"{self.name}{self.suffix}"


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Parse the data lines once."""
    out: list[Province] = []
    for line in _DATA.strip().splitlines():
        parts = line.split()
        tag = parts[0]
        if tag == "M":
            p = Province(parts[1], parts[2], parts[3], "市", True)
            p.districts = [_county(x) for x in parts[4:]]
            out.append(p)
        elif tag == "P":
            out.append(Province(parts[1], parts[2], parts[3], parts[4], False))
        elif tag == "C":
            prov = out[-1]
            city = City(parts[1], parts[2].replace("_", ""), parts[3] == "S", capital=not prov.cities)
            city.counties = [_county(x) for x in parts[4:]]
            prov.cities.append(city)
    return tuple(out)


def _county(token: str) -> County:
    name, py = token.split(":")
    return County(name, py.replace("_", ""))


def city_full(city: City) -> str:
    """Full city name as used in organisation names: 杭州市, 延边朝鲜族自治州 is shortened to 延边州."""
    if city.name == "延边":
        return "延边州"
    if city.name == "大理":
        return "大理州"
    return f"{city.name}市"
