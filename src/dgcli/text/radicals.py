"""CJK Radicals Supplement (U+2E80–U+2EFF) → the unified ideograph each stands for.

From Unicode's EquivalentUnifiedIdeograph.txt (UCD 15.1). NFKC maps the Kangxi radicals (⾏ → 行)
but not these, and the agency's pages print some of them (⺠ for 民). U+2E80 has no equivalent.
"""

RADICALS: dict[int, str] = {
    0x2E81: "\u5382",  # ⺁ CJK RADICAL CLIFF -> 厂
    0x2E82: "\u4e5b",  # ⺂ CJK RADICAL SECOND ONE -> 乛
    0x2E83: "\u4e5a",  # ⺃ CJK RADICAL SECOND TWO -> 乚
    0x2E84: "\u4e59",  # ⺄ CJK RADICAL SECOND THREE -> 乙
    0x2E85: "\u4ebb",  # ⺅ CJK RADICAL PERSON -> 亻
    0x2E86: "\u5182",  # ⺆ CJK RADICAL BOX -> 冂
    0x2E87: "\U00020628",  # ⺇ CJK RADICAL TABLE -> 𠘨
    0x2E88: "\u5200",  # ⺈ CJK RADICAL KNIFE ONE -> 刀
    0x2E89: "\u5202",  # ⺉ CJK RADICAL KNIFE TWO -> 刂
    0x2E8A: "\u535c",  # ⺊ CJK RADICAL DIVINATION -> 卜
    0x2E8B: "\u353e",  # ⺋ CJK RADICAL SEAL -> 㔾
    0x2E8C: "\u5c0f",  # ⺌ CJK RADICAL SMALL ONE -> 小
    0x2E8D: "\u5c0f",  # ⺍ CJK RADICAL SMALL TWO -> 小
    0x2E8E: "\u5140",  # ⺎ CJK RADICAL LAME ONE -> 兀
    0x2E8F: "\u5c23",  # ⺏ CJK RADICAL LAME TWO -> 尣
    0x2E90: "\u5c22",  # ⺐ CJK RADICAL LAME THREE -> 尢
    0x2E91: "\U00021bc2",  # ⺑ CJK RADICAL LAME FOUR -> 𡯂
    0x2E92: "\u5df3",  # ⺒ CJK RADICAL SNAKE -> 巳
    0x2E93: "\u5e7a",  # ⺓ CJK RADICAL THREAD -> 幺
    0x2E94: "\u5f51",  # ⺔ CJK RADICAL SNOUT ONE -> 彑
    0x2E95: "\U0002b739",  # ⺕ CJK RADICAL SNOUT TWO -> 𫜹
    0x2E96: "\u5fc4",  # ⺖ CJK RADICAL HEART ONE -> 忄
    0x2E97: "\u5fc3",  # ⺗ CJK RADICAL HEART TWO -> 心
    0x2E98: "\u624c",  # ⺘ CJK RADICAL HAND -> 扌
    0x2E99: "\u6535",  # ⺙ CJK RADICAL RAP -> 攵
    0x2E9B: "\u65e1",  # ⺛ CJK RADICAL CHOKE -> 旡
    0x2E9C: "\u65e5",  # ⺜ CJK RADICAL SUN -> 日
    0x2E9D: "\u6708",  # ⺝ CJK RADICAL MOON -> 月
    0x2E9E: "\u6b7a",  # ⺞ CJK RADICAL DEATH -> 歺
    0x2E9F: "\u6bcd",  # ⺟ CJK RADICAL MOTHER -> 母
    0x2EA0: "\u6c11",  # ⺠ CJK RADICAL CIVILIAN -> 民
    0x2EA1: "\u6c35",  # ⺡ CJK RADICAL WATER ONE -> 氵
    0x2EA2: "\u6c3a",  # ⺢ CJK RADICAL WATER TWO -> 氺
    0x2EA3: "\u706c",  # ⺣ CJK RADICAL FIRE -> 灬
    0x2EA4: "\u722b",  # ⺤ CJK RADICAL PAW ONE -> 爫
    0x2EA5: "\u722b",  # ⺥ CJK RADICAL PAW TWO -> 爫
    0x2EA6: "\u4e2c",  # ⺦ CJK RADICAL SIMPLIFIED HALF TREE TRUNK -> 丬
    0x2EA7: "\u725b",  # ⺧ CJK RADICAL COW -> 牛
    0x2EA8: "\u72ad",  # ⺨ CJK RADICAL DOG -> 犭
    0x2EA9: "\u738b",  # ⺩ CJK RADICAL JADE -> 王
    0x2EAA: "\U00024d14",  # ⺪ CJK RADICAL BOLT OF CLOTH -> 𤴔
    0x2EAB: "\u76ee",  # ⺫ CJK RADICAL EYE -> 目
    0x2EAC: "\u793a",  # ⺬ CJK RADICAL SPIRIT ONE -> 示
    0x2EAD: "\u793b",  # ⺭ CJK RADICAL SPIRIT TWO -> 礻
    0x2EAE: "\U00025ad7",  # ⺮ CJK RADICAL BAMBOO -> 𥫗
    0x2EAF: "\u7cf9",  # ⺯ CJK RADICAL SILK -> 糹
    0x2EB0: "\u7e9f",  # ⺰ CJK RADICAL C-SIMPLIFIED SILK -> 纟
    0x2EB1: "\u7f53",  # ⺱ CJK RADICAL NET ONE -> 罓
    0x2EB2: "\u7f52",  # ⺲ CJK RADICAL NET TWO -> 罒
    0x2EB3: "\u34c1",  # ⺳ CJK RADICAL NET THREE -> 㓁
    0x2EB4: "\u5197",  # ⺴ CJK RADICAL NET FOUR -> 冗
    0x2EB5: "\U0002626b",  # ⺵ CJK RADICAL MESH -> 𦉫
    0x2EB6: "\u7f8a",  # ⺶ CJK RADICAL SHEEP -> 羊
    0x2EB7: "\U0002634c",  # ⺷ CJK RADICAL RAM -> 𦍌
    0x2EB8: "\U0002634b",  # ⺸ CJK RADICAL EWE -> 𦍋
    0x2EB9: "\u8002",  # ⺹ CJK RADICAL OLD -> 耂
    0x2EBA: "\u8080",  # ⺺ CJK RADICAL BRUSH ONE -> 肀
    0x2EBB: "\u807f",  # ⺻ CJK RADICAL BRUSH TWO -> 聿
    0x2EBC: "\u8089",  # ⺼ CJK RADICAL MEAT -> 肉
    0x2EBD: "\U00026951",  # ⺽ CJK RADICAL MORTAR -> 𦥑
    0x2EBE: "\u8279",  # ⺾ CJK RADICAL GRASS ONE -> 艹
    0x2EBF: "\u8279",  # ⺿ CJK RADICAL GRASS TWO -> 艹
    0x2EC0: "\u8279",  # ⻀ CJK RADICAL GRASS THREE -> 艹
    0x2EC1: "\u864e",  # ⻁ CJK RADICAL TIGER -> 虎
    0x2EC2: "\u8864",  # ⻂ CJK RADICAL CLOTHES -> 衤
    0x2EC3: "\u8980",  # ⻃ CJK RADICAL WEST ONE -> 覀
    0x2EC4: "\u897f",  # ⻄ CJK RADICAL WEST TWO -> 西
    0x2EC5: "\u89c1",  # ⻅ CJK RADICAL C-SIMPLIFIED SEE -> 见
    0x2EC6: "\u89d2",  # ⻆ CJK RADICAL SIMPLIFIED HORN -> 角
    0x2EC7: "\U000278b2",  # ⻇ CJK RADICAL HORN -> 𧢲
    0x2EC8: "\u8ba0",  # ⻈ CJK RADICAL C-SIMPLIFIED SPEECH -> 讠
    0x2EC9: "\u8d1d",  # ⻉ CJK RADICAL C-SIMPLIFIED SHELL -> 贝
    0x2ECA: "\U00027fb7",  # ⻊ CJK RADICAL FOOT -> 𧾷
    0x2ECB: "\u8f66",  # ⻋ CJK RADICAL C-SIMPLIFIED CART -> 车
    0x2ECC: "\u8fb6",  # ⻌ CJK RADICAL SIMPLIFIED WALK -> 辶
    0x2ECD: "\u8fb6",  # ⻍ CJK RADICAL WALK ONE -> 辶
    0x2ECE: "\u8fb6",  # ⻎ CJK RADICAL WALK TWO -> 辶
    0x2ECF: "\u9091",  # ⻏ CJK RADICAL CITY -> 邑
    0x2ED0: "\u9485",  # ⻐ CJK RADICAL C-SIMPLIFIED GOLD -> 钅
    0x2ED1: "\u9577",  # ⻑ CJK RADICAL LONG ONE -> 長
    0x2ED2: "\u9578",  # ⻒ CJK RADICAL LONG TWO -> 镸
    0x2ED3: "\u957f",  # ⻓ CJK RADICAL C-SIMPLIFIED LONG -> 长
    0x2ED4: "\u95e8",  # ⻔ CJK RADICAL C-SIMPLIFIED GATE -> 门
    0x2ED5: "\U00028e0f",  # ⻕ CJK RADICAL MOUND ONE -> 𨸏
    0x2ED6: "\u961d",  # ⻖ CJK RADICAL MOUND TWO -> 阝
    0x2ED7: "\u96e8",  # ⻗ CJK RADICAL RAIN -> 雨
    0x2ED8: "\u9752",  # ⻘ CJK RADICAL BLUE -> 青
    0x2ED9: "\u97e6",  # ⻙ CJK RADICAL C-SIMPLIFIED TANNED LEATHER -> 韦
    0x2EDA: "\u9875",  # ⻚ CJK RADICAL C-SIMPLIFIED LEAF -> 页
    0x2EDB: "\u98ce",  # ⻛ CJK RADICAL C-SIMPLIFIED WIND -> 风
    0x2EDC: "\u98de",  # ⻜ CJK RADICAL C-SIMPLIFIED FLY -> 飞
    0x2EDD: "\u98df",  # ⻝ CJK RADICAL EAT ONE -> 食
    0x2EDE: "\U0002967f",  # ⻞ CJK RADICAL EAT TWO -> 𩙿
    0x2EDF: "\u98e0",  # ⻟ CJK RADICAL EAT THREE -> 飠
    0x2EE0: "\u9963",  # ⻠ CJK RADICAL C-SIMPLIFIED EAT -> 饣
    0x2EE1: "\U00029810",  # ⻡ CJK RADICAL HEAD -> 𩠐
    0x2EE2: "\u9a6c",  # ⻢ CJK RADICAL C-SIMPLIFIED HORSE -> 马
    0x2EE3: "\u9aa8",  # ⻣ CJK RADICAL BONE -> 骨
    0x2EE4: "\u9b3c",  # ⻤ CJK RADICAL GHOST -> 鬼
    0x2EE5: "\u9c7c",  # ⻥ CJK RADICAL C-SIMPLIFIED FISH -> 鱼
    0x2EE6: "\u9e1f",  # ⻦ CJK RADICAL C-SIMPLIFIED BIRD -> 鸟
    0x2EE7: "\u5364",  # ⻧ CJK RADICAL C-SIMPLIFIED SALT -> 卤
    0x2EE8: "\u9ea6",  # ⻨ CJK RADICAL SIMPLIFIED WHEAT -> 麦
    0x2EE9: "\u9ec4",  # ⻩ CJK RADICAL SIMPLIFIED YELLOW -> 黄
    0x2EEA: "\u9efe",  # ⻪ CJK RADICAL C-SIMPLIFIED FROG -> 黾
    0x2EEB: "\u6589",  # ⻫ CJK RADICAL J-SIMPLIFIED EVEN -> 斉
    0x2EEC: "\u9f50",  # ⻬ CJK RADICAL C-SIMPLIFIED EVEN -> 齐
    0x2EED: "\u6b6f",  # ⻭ CJK RADICAL J-SIMPLIFIED TOOTH -> 歯
    0x2EEE: "\u9f7f",  # ⻮ CJK RADICAL C-SIMPLIFIED TOOTH -> 齿
    0x2EEF: "\u7adc",  # ⻯ CJK RADICAL J-SIMPLIFIED DRAGON -> 竜
    0x2EF0: "\u9f99",  # ⻰ CJK RADICAL C-SIMPLIFIED DRAGON -> 龙
    0x2EF1: "\u9f9c",  # ⻱ CJK RADICAL TURTLE -> 龜
    0x2EF2: "\u4e80",  # ⻲ CJK RADICAL J-SIMPLIFIED TURTLE -> 亀
    0x2EF3: "\u9f9f",  # ⻳ CJK RADICAL C-SIMPLIFIED TURTLE -> 龟
}
