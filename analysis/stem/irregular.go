package stem

// irregular maps irregular past forms of verbs to their base form, which
// the Snowball stemmer cannot do: "withdrew" and "withdrawn" must find the
// cue "withdraw", "sought" the cue "seek".
var irregular = map[string]string{
	"withdrew": "withdraw", "withdrawn": "withdraw", "drew": "draw", "drawn": "draw",
	"took": "take", "taken": "take", "undertook": "undertake", "undertaken": "undertake",
	"overtook": "overtake", "overtaken": "overtake", "gave": "give", "given": "give",
	"forgave": "forgive", "forgiven": "forgive", "made": "make", "threw": "throw", "thrown": "throw",
	"spoke": "speak", "spoken": "speak", "fought": "fight", "sought": "seek", "brought": "bring",
	"bought": "buy", "held": "hold", "upheld": "uphold", "withheld": "withhold", "met": "meet",
	"kept": "keep", "left": "leave", "lost": "lose", "sent": "send", "spent": "spend", "stood": "stand",
	"understood": "understand", "withstood": "withstand", "told": "tell", "won": "win", "wrote": "write",
	"written": "write", "rose": "rise", "risen": "rise", "broke": "break", "broken": "break",
	"chose": "choose", "chosen": "choose", "forbade": "forbid", "forbidden": "forbid", "froze": "freeze",
	"frozen": "freeze", "swore": "swear", "sworn": "swear", "went": "go", "gone": "go", "came": "come",
	"began": "begin", "begun": "begin", "ran": "run", "saw": "see", "seen": "see", "foresaw": "foresee",
	"foreseen": "foresee", "knew": "know", "known": "know", "grew": "grow", "grown": "grow", "flew": "fly",
	"flown": "fly", "fell": "fall", "fallen": "fall", "struck": "strike", "stricken": "strike",
	"bore": "bear", "borne": "bear", "beaten": "beat", "hid": "hide", "hidden": "hide",
	"shook": "shake", "shaken": "shake", "stole": "steal", "stolen": "steal", "tore": "tear",
	"torn": "tear", "wore": "wear", "worn": "wear", "led": "lead", "misled": "mislead", "fled": "flee",
	"fed": "feed", "dealt": "deal", "felt": "feel", "meant": "mean", "built": "build", "lent": "lend",
	"paid": "pay", "laid": "lay", "said": "say", "sold": "sell", "found": "find", "caught": "catch",
	"taught": "teach", "thought": "think", "forgot": "forget", "forgotten": "forget", "got": "get",
	"gotten": "get", "did": "do", "done": "do", "was": "be", "were": "be", "been": "be", "had": "have",
	"heard": "hear", "sat": "sit", "spun": "spin", "stuck": "stick", "swept": "sweep", "swung": "swing",
	"bound": "bind", "sank": "sink", "sunk": "sink", "sprang": "spring", "sprung": "spring",
	"overrode": "override", "overridden": "override", "rode": "ride", "ridden": "ride",
	"arose": "arise", "arisen": "arise", "awoke": "awake", "woke": "wake",
	"shot": "shoot", "slid": "slide", "stridden": "stride", "strove": "strive", "striven": "strive",
	"overthrew": "overthrow", "overthrown": "overthrow", "oversaw": "oversee", "overseen": "oversee",
	"undid": "undo", "undone": "undo", "upset": "upset", "mistook": "mistake", "mistaken": "mistake",
}
