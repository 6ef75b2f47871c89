import type { LanguageBank } from "./types";

export const sw: LanguageBank = {
  code: "sw",
  name: "Kiswahili",
  rtl: false,
  sep: " ",
  numbers: { dec: ".", group: "," },
  answer: [(v) => `Jibu: ${v}`, (v) => `Jibu la mwisho: ${v}`, (v) => `Kwa hiyo jibu ni ${v}.`],
  restate: "Swali:",
  mathIntro: ["Tutatatua hatua kwa hatua.", "Suluhisho:", "Hebu tufanye hesabu hatua kwa hatua.", "Tugawanye swali katika hatua."],
  plan: [
    "Ili kujibu, kwanza tunakokotoa thamani za kati kisha tunaziunganisha.",
    "Jambo muhimu ni kushughulikia kiasi kimoja kwa wakati mmoja na kuzingatia vipimo.",
    "Kwanza tunasoma swali kwa makini ili tujue hasa kinachoulizwa.",
  ],
  check: [
    "Tuhakiki kila hatua tena.",
    "Tunasoma swali tena ili tusikose kitu.",
    "Tunakagua hesabu kwa makini.",
    "Kila hatua inakubaliana na hesabu iliyotangulia.",
  ],
  tableHead: ["Hatua", "Hesabu"],
  codeIntro: "Tunaweza kuhakiki kwa kipande kifupi cha Python:",
  keyPoints: "Mambo muhimu",
  intros: ["Sawa!", "Bila shaka.", "Swali zuri.", "Hili ndilo jibu."],
  closings: ["Natumaini hii inasaidia!", "Niambie ikiwa una swali lolote.", "Niko tayari kueleza zaidi.", "Kila la heri!"],
  refusal: "Samahani, siwezi kusaidia na ombi hili.",
  filler: [
    "Kwa maneno mengine, wazo kuu linabaki lile lile hata tukiliangalia kwa mtazamo tofauti.",
    "Ni vizuri kurudia jambo hili, kwa sababu ndilo watu hukosea mara nyingi zaidi.",
    "Nitaeleza wazo hilo hilo tena kwa maneno tofauti kidogo.",
    "Katika maisha ya kila siku, mambo madogo kama haya huleta tofauti kubwa.",
    "Hili pia linahusiana na yale yaliyosemwa hapo awali, kwa hiyo sehemu zote zinaendana.",
    "Kama bado kuna jambo lisiloeleweka, inasaidia kusoma tena aya iliyotangulia polepole.",
  ],
  styles: ["", "Jibu kwa ufupi.", "Tumia lugha rahisi.", "Tafadhali kuwa sahihi."],
  math: {
    shopping: {
      prompt: (p, f) =>
        `Amani ananunua madaftari ${f(p.a)} kwa shilingi ${f(p.price)} kila moja na kalamu ${f(p.b)} kwa shilingi ${f(p.price2)} kila moja. Ametumia shilingi ngapi kwa jumla?`,
      steps: (p, ans, f) => [
        `Bei ya madaftari: ${f(p.a)} × ${f(p.price)} = shilingi ${f(p.sub1)}.`,
        `Bei ya kalamu: ${f(p.b)} × ${f(p.price2)} = shilingi ${f(p.sub2)}.`,
        `Jumla: ${f(p.sub1)} + ${f(p.sub2)} = shilingi ${f(ans)}.`,
      ],
    },
    speed: {
      prompt: (p, f) =>
        `Treni inasafiri kwa kasi ya kilomita ${f(p.v1)} kwa saa kwa muda wa saa ${f(p.t1)}, kisha kwa kasi ya kilomita ${f(p.v2)} kwa saa kwa muda wa saa ${f(p.t2)}. Imesafiri kilomita ngapi kwa jumla?`,
      steps: (p, ans, f) => [
        `Sehemu ya kwanza: ${f(p.v1)} × ${f(p.t1)} = kilomita ${f(p.d1)}.`,
        `Sehemu ya pili: ${f(p.v2)} × ${f(p.t2)} = kilomita ${f(p.d2)}.`,
        `Umbali wote: ${f(p.d1)} + ${f(p.d2)} = kilomita ${f(ans)}.`,
      ],
    },
    percent: {
      prompt: (p, f) =>
        `Koti linauzwa shilingi ${f(p.price)}. Duka linatoa punguzo la asilimia ${f(p.pct)}. Bei baada ya punguzo ni shilingi ngapi?`,
      steps: (p, ans, f) => [
        `Punguzo ni asilimia ${f(p.pct)} ya ${f(p.price)}: ${f(p.price)} × ${f(p.pct)} ÷ ${f(100)} = shilingi ${f(p.off)}.`,
        `Bei mpya: ${f(p.price)} − ${f(p.off)} = shilingi ${f(ans)}.`,
      ],
    },
    ages: {
      prompt: (p, f) =>
        `Juma ana umri wa miaka ${f(p.age)}. Umri wa baba yake ni mara ${f(p.times)} ya umri wake. Baba yake atakuwa na umri wa miaka mingapi baada ya miaka ${f(p.years)}?`,
      steps: (p, ans, f) => [
        `Umri wa baba sasa: ${f(p.age)} × ${f(p.times)} = miaka ${f(p.father)}.`,
        `Baada ya miaka ${f(p.years)}: ${f(p.father)} + ${f(p.years)} = miaka ${f(ans)}.`,
      ],
    },
    area: {
      prompt: (p, f) =>
        `Bustani yenye umbo la mstatili ina urefu wa mita ${f(p.len)} na upana wa mita ${f(p.wid)}. Njia inachukua mita za mraba ${f(p.path)}. Ni mita za mraba ngapi zinabaki kwa ajili ya kupanda mimea?`,
      steps: (p, ans, f) => [
        `Eneo la bustani: ${f(p.len)} × ${f(p.wid)} = mita za mraba ${f(p.total)}.`,
        `Bila njia: ${f(p.total)} − ${f(p.path)} = mita za mraba ${f(ans)}.`,
      ],
    },
    wages: {
      prompt: (p, f) =>
        `Mfanyakazi analipwa shilingi ${f(p.rate)} kwa saa na anafanya kazi saa ${f(p.hours)} kila siku kwa siku ${f(p.days)}. Amepata shilingi ngapi kwa jumla?`,
      steps: (p, ans, f) => [
        `Malipo ya siku moja: ${f(p.rate)} × ${f(p.hours)} = shilingi ${f(p.daily)}.`,
        `Kwa siku ${f(p.days)}: ${f(p.daily)} × ${f(p.days)} = shilingi ${f(ans)}.`,
      ],
    },
  },
  general: {
    photosynthesis: {
      prompt: "Eleza kwa maneno rahisi jinsi usanisinuru unavyofanya kazi.",
      answer: [
        "Usanisinuru ni mchakato ambao mimea hutumia kubadilisha mwanga wa jua kuwa nishati ya kemikali.",
        "Majani huchukua kaboni dioksidi kutoka hewani, na mizizi hufyonza maji kutoka udongoni.",
        "Klorofili, rangi ya kijani iliyo kwenye majani, hunasa mwanga na kutumia nishati yake kutengeneza glukosi kutokana na vitu hivi.",
        "Oksijeni hutolewa kama zao la ziada, ndiyo sababu mimea ni muhimu sana kwa hewa tunayovuta.",
      ],
    },
    sky: {
      prompt: "Eleza kwa nini anga huonekana kuwa la buluu.",
      answer: [
        "Mwanga wa jua huonekana mweupe, lakini kwa kweli ni mchanganyiko wa rangi zote za upinde wa mvua.",
        "Unapopita katika angahewa, mwanga hugonga molekuli ndogo sana za gesi na kutawanyika pande zote.",
        "Mwanga wa buluu una urefu mfupi wa wimbi, kwa hiyo hutawanywa zaidi sana kuliko mwanga mwekundu au wa njano.",
        "Mwanga huu wa buluu uliotawanyika hufika machoni petu kutoka kila upande wa anga, na ndiyo maana anga huonekana la buluu.",
      ],
    },
    email: {
      prompt: "Andika barua pepe fupi kwa mfanyakazi mwenzako ukiomba mkutano wa kesho uhamishwe hadi Ijumaa.",
      answer: [
        "Kichwa: Kuhamisha mkutano wa kesho",
        "Habari Baraka,",
        "Nimepata dharura, kwa hiyo sitaweza kuhudhuria mkutano wetu kesho.",
        "Je, tunaweza kuuhamisha hadi Ijumaa saa ile ile?",
        "Asante kwa kuelewa, na samahani kwa kukujulisha kwa kuchelewa.",
        "Wako,\nNeema",
      ],
    },
    sleep: {
      prompt: "Toa vidokezo vitatu vya kulala vizuri zaidi.",
      answer: [
        "Hivi ni vidokezo vitatu vya kulala vizuri zaidi:",
        "Lala na uamke wakati ule ule kila siku, hata wikendi.",
        "Epuka skrini na mwanga mkali saa moja kabla ya kulala.",
        "Weka chumba chako cha kulala kikiwa baridi, chenye giza na kimya, na usinywe kahawa baada ya chakula cha mchana.",
      ],
    },
    palindrome: {
      prompt: "Andika kitendakazi cha Python kinachokagua kama neno au sentensi ni palindromu.",
      answer: [
        "Hiki ni kitendakazi kifupi kinachofanya hivyo:",
        "Kinabakiza herufi na tarakimu pekee na hakijali tofauti ya herufi kubwa na ndogo.",
        'Kisha kinalinganisha maandishi yaliyosafishwa na mpangilio wake wa kinyume, kwa hiyo is_palindrome("Anna") inarudisha True.',
      ],
    },
    evens: {
      prompt: "Andika kitendakazi cha Python kinachorudisha jumla ya namba shufwa zilizo kwenye orodha.",
      answer: [
        "Unaweza kufanya hivyo kwa mstari mmoja:",
        "Usemi wa jenereta unabakiza namba zinazogawanyika kwa 2 pekee.",
        "Kitendakazi cha ndani sum() kinazijumlisha, kwa hiyo sum_even([1, 2, 3, 4]) inarudisha 6.",
      ],
    },
  },
};
