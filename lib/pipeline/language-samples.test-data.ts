/** Real sentences per language (typical assistant replies), used by language.test.ts. */
export const LANGUAGE_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  en: [
    "Sure! Let's solve the problem step by step. First, we find how many apples are in one box, then multiply by the number of boxes. So the farmer has 18 apples in total.",
    "Photosynthesis is the process by which green plants use sunlight to turn water and carbon dioxide into sugar and oxygen.",
  ],
  de: [
    "Natürlich! Lösen wir die Aufgabe Schritt für Schritt. Zuerst berechnen wir, wie viele Äpfel in einer Kiste sind, und multiplizieren dann mit der Anzahl der Kisten. Der Bauer hat also insgesamt 18 Äpfel.",
    "Die Photosynthese ist der Vorgang, bei dem grüne Pflanzen mit Hilfe von Sonnenlicht aus Wasser und Kohlendioxid Zucker und Sauerstoff herstellen.",
  ],
  fr: [
    "Bien sûr ! Résolvons le problème étape par étape. D'abord, nous trouvons combien de pommes il y a dans une boîte, puis nous multiplions par le nombre de boîtes. Le fermier a donc 18 pommes au total.",
    "La photosynthèse est le processus par lequel les plantes vertes utilisent la lumière du soleil pour transformer l'eau et le dioxyde de carbone en sucre et en oxygène.",
  ],
  es: [
    "¡Claro! Resolvamos el problema paso a paso. Primero, averiguamos cuántas manzanas hay en una caja y luego multiplicamos por el número de cajas. Por lo tanto, el agricultor tiene 18 manzanas en total.",
    "La fotosíntesis es el proceso mediante el cual las plantas verdes usan la luz del sol para convertir el agua y el dióxido de carbono en azúcar y oxígeno.",
  ],
  pt: [
    "Claro! Vamos resolver o problema passo a passo. Primeiro, descobrimos quantas maçãs há em uma caixa e, em seguida, multiplicamos pelo número de caixas. Portanto, o agricultor tem 18 maçãs no total.",
    "A fotossíntese é o processo pelo qual as plantas verdes usam a luz do sol para transformar a água e o gás carbônico em açúcar e oxigênio.",
  ],
  it: [
    "Certo! Risolviamo il problema passo dopo passo. Per prima cosa troviamo quante mele ci sono in una cassa, poi moltiplichiamo per il numero di casse. Quindi il contadino ha 18 mele in tutto.",
    "La fotosintesi è il processo con cui le piante verdi usano la luce del sole per trasformare l'acqua e l'anidride carbonica in zucchero e ossigeno.",
  ],
  nl: [
    "Natuurlijk! Laten we het probleem stap voor stap oplossen. Eerst zoeken we uit hoeveel appels er in één kist zitten en daarna vermenigvuldigen we met het aantal kisten. De boer heeft dus in totaal 18 appels.",
    "Fotosynthese is het proces waarbij groene planten zonlicht gebruiken om water en koolstofdioxide om te zetten in suiker en zuurstof.",
  ],
  sv: [
    "Självklart! Låt oss lösa uppgiften steg för steg. Först räknar vi ut hur många äpplen det finns i en låda, och sedan multiplicerar vi med antalet lådor. Bonden har alltså 18 äpplen totalt.",
    "Fotosyntes är den process där gröna växter använder solljus för att omvandla vatten och koldioxid till socker och syre.",
  ],
  da: [
    "Selvfølgelig! Lad os løse opgaven trin for trin. Først finder vi ud af, hvor mange æbler der er i én kasse, og derefter ganger vi med antallet af kasser. Landmanden har altså 18 æbler i alt.",
    "Fotosyntese er den proces, hvor grønne planter bruger sollys til at omdanne vand og kuldioxid til sukker og ilt.",
  ],
  nb: [
    "Selvfølgelig! La oss løse oppgaven steg for steg. Først finner vi ut hvor mange epler det er i én kasse, og deretter ganger vi med antall kasser. Bonden har altså 18 epler til sammen.",
    "Fotosyntese er prosessen der grønne planter bruker sollys til å gjøre om vann og karbondioksid til sukker og oksygen.",
  ],
  pl: [
    "Oczywiście! Rozwiążmy to zadanie krok po kroku. Najpierw obliczamy, ile jabłek jest w jednej skrzynce, a potem mnożymy przez liczbę skrzynek. Rolnik ma więc łącznie 18 jabłek.",
    "Fotosynteza to proces, w którym zielone rośliny wykorzystują światło słoneczne, aby przekształcić wodę i dwutlenek węgla w cukier i tlen.",
  ],
  cs: [
    "Samozřejmě! Vyřešme úlohu krok za krokem. Nejprve zjistíme, kolik jablek je v jedné bedně, a pak to vynásobíme počtem beden. Farmář má tedy celkem 18 jablek.",
    "Fotosyntéza je proces, při kterém zelené rostliny využívají sluneční světlo k přeměně vody a oxidu uhličitého na cukr a kyslík.",
  ],
  ro: [
    "Sigur! Să rezolvăm problema pas cu pas. Mai întâi aflăm câte mere sunt într-o ladă, apoi înmulțim cu numărul de lăzi. Așadar, fermierul are în total 18 mere.",
    "Fotosinteza este procesul prin care plantele verzi folosesc lumina soarelui pentru a transforma apa și dioxidul de carbon în zahăr și oxigen.",
  ],
  hu: [
    "Természetesen! Oldjuk meg a feladatot lépésről lépésre. Először kiszámoljuk, hány alma van egy ládában, majd megszorozzuk a ládák számával. A gazdának tehát összesen 18 almája van.",
    "A fotoszintézis az a folyamat, amelynek során a zöld növények a napfény segítségével vízből és szén-dioxidból cukrot és oxigént állítanak elő.",
  ],
  fi: [
    "Totta kai! Ratkaistaan tehtävä vaihe vaiheelta. Ensin selvitämme, montako omenaa yhdessä laatikossa on, ja sitten kerromme laatikoiden määrällä. Maanviljelijällä on siis yhteensä 18 omenaa.",
    "Yhteyttäminen on prosessi, jossa vihreät kasvit käyttävät auringonvaloa muuttaakseen veden ja hiilidioksidin sokeriksi ja hapeksi.",
  ],
  tr: [
    "Elbette! Problemi adım adım çözelim. Önce bir kasada kaç elma olduğunu buluyoruz, sonra bunu kasa sayısıyla çarpıyoruz. Yani çiftçinin toplam 18 elması var.",
    "Fotosentez, yeşil bitkilerin güneş ışığını kullanarak suyu ve karbondioksiti şekere ve oksijene dönüştürdüğü süreçtir.",
  ],
  vi: [
    "Tất nhiên! Hãy giải bài toán từng bước một. Đầu tiên, ta tìm số táo trong một thùng, sau đó nhân với số thùng. Vậy người nông dân có tổng cộng 18 quả táo.",
    "Quang hợp là quá trình cây xanh sử dụng ánh sáng mặt trời để biến nước và khí cacbonic thành đường và khí oxy.",
  ],
  id: [
    "Tentu saja! Mari kita selesaikan soal ini langkah demi langkah. Pertama, kita cari tahu berapa banyak apel dalam satu kotak, lalu kita kalikan dengan jumlah kotak. Jadi, petani memiliki 18 apel secara keseluruhan.",
    "Fotosintesis adalah proses ketika tumbuhan hijau menggunakan cahaya matahari untuk mengubah air dan karbon dioksida menjadi gula dan oksigen.",
  ],
  sw: [
    "Bila shaka! Hebu tutatue tatizo hili hatua kwa hatua. Kwanza, tunatafuta idadi ya matufaha katika sanduku moja, kisha tunazidisha kwa idadi ya masanduku. Kwa hiyo, mkulima ana matufaha 18 kwa jumla.",
    "Usanisinuru ni mchakato ambao mimea ya kijani hutumia mwanga wa jua kubadilisha maji na hewa ya kaboni dioksidi kuwa sukari na oksijeni.",
    "Mwalimu alinunua vitabu vitano kwa shilingi elfu moja kila kimoja, kwa hiyo alilipa shilingi elfu tano kwa jumla.",
    "Hakika! Hapa kuna shairi fupi kuhusu bahari na upepo unaovuma jioni.",
  ],
  ru: [
    "Конечно! Давайте решим эту задачу шаг за шагом. Сначала найдём, сколько яблок в одном ящике, а затем умножим это число на количество ящиков. Получается, что у фермера всего 18 яблок.",
    "Фотосинтез — это процесс, при котором зелёные растения используют солнечный свет, чтобы превращать воду и углекислый газ в сахар и кислород.",
  ],
  uk: [
    "Звичайно! Розв'яжімо задачу крок за кроком. Спочатку знайдемо, скільки яблук в одному ящику, а потім помножимо на кількість ящиків. Отже, у фермера всього 18 яблук.",
    "Фотосинтез — це процес, під час якого зелені рослини використовують сонячне світло, щоб перетворювати воду та вуглекислий газ на цукор і кисень.",
  ],
  bg: [
    "Разбира се! Нека решим задачата стъпка по стъпка. Първо намираме колко ябълки има в една кутия, а след това умножаваме това число по броя на кутиите. Значи фермерът има общо 18 ябълки.",
    "Фотосинтезата е процесът, при който зелените растения използват слънчевата светлина, за да превърнат водата и въглеродния диоксид в захар и кислород.",
  ],
  el: [
    "Φυσικά! Ας λύσουμε το πρόβλημα βήμα προς βήμα. Πρώτα βρίσκουμε πόσα μήλα υπάρχουν σε ένα κιβώτιο και μετά πολλαπλασιάζουμε με τον αριθμό των κιβωτίων. Άρα ο αγρότης έχει συνολικά 18 μήλα.",
  ],
  he: [
    "בוודאי! בואו נפתור את הבעיה צעד אחר צעד. קודם נמצא כמה תפוחים יש בארגז אחד, ואז נכפיל במספר הארגזים. לכן לחקלאי יש בסך הכול 18 תפוחים.",
  ],
  ar: [
    "بالتأكيد! لنحل هذه المسألة خطوة بخطوة. أولاً، نجد عدد التفاحات في صندوق واحد، ثم نضربه في عدد الصناديق. إذن لدى المزارع ١٨ تفاحة في المجموع.",
    "التمثيل الضوئي هو العملية التي تستخدم فيها النباتات الخضراء ضوء الشمس لتحويل الماء وثاني أكسيد الكربون إلى سكر وأكسجين.",
  ],
  fa: [
    "حتماً! بیایید این مسئله را قدم به قدم حل کنیم. ابتدا تعداد سیب‌ها را در یک جعبه پیدا می‌کنیم و سپس آن را در تعداد جعبه‌ها ضرب می‌کنیم. بنابراین کشاورز در مجموع ۱۸ سیب دارد.",
  ],
  ur: [
    "ضرور! آئیے اس سوال کو قدم بہ قدم حل کرتے ہیں۔ پہلے ہم معلوم کرتے ہیں کہ ایک ڈبے میں کتنے سیب ہیں، پھر اسے ڈبوں کی تعداد سے ضرب دیتے ہیں۔ لہٰذا کسان کے پاس کل 18 سیب ہیں۔",
  ],
  hi: [
    "ज़रूर! आइए इस प्रश्न को चरण दर चरण हल करें। पहले हम पता लगाते हैं कि एक डिब्बे में कितने सेब हैं, फिर उसे डिब्बों की संख्या से गुणा करते हैं। इसलिए किसान के पास कुल १८ सेब हैं।",
    "प्रकाश संश्लेषण वह प्रक्रिया है जिसमें हरे पौधे सूर्य के प्रकाश की मदद से पानी और कार्बन डाइऑक्साइड को शर्करा और ऑक्सीजन में बदलते हैं।",
  ],
  mr: [
    "नक्कीच! हा प्रश्न टप्प्याटप्प्याने सोडवूया. आधी एका पेटीत किती सफरचंदे आहेत ते शोधूया, मग त्याला पेट्यांच्या संख्येने गुणूया. म्हणून शेतकऱ्याकडे एकूण १८ सफरचंदे आहेत.",
  ],
  bn: [
    "অবশ্যই! চলুন সমস্যাটি ধাপে ধাপে সমাধান করি। প্রথমে আমরা বের করি একটি বাক্সে কতগুলো আপেল আছে, তারপর বাক্সের সংখ্যা দিয়ে গুণ করি। তাই কৃষকের কাছে মোট ১৮টি আপেল আছে।",
  ],
  ta: [
    "நிச்சயமாக! இந்தக் கணக்கைப் படிப்படியாகத் தீர்ப்போம். முதலில் ஒரு பெட்டியில் எத்தனை ஆப்பிள்கள் உள்ளன என்று கண்டுபிடித்து, பிறகு பெட்டிகளின் எண்ணிக்கையால் பெருக்குவோம். எனவே விவசாயியிடம் மொத்தம் 18 ஆப்பிள்கள் உள்ளன.",
  ],
  te: ["తప్పకుండా! ఈ లెక్కను దశలవారీగా పరిష్కరిద్దాం. ముందుగా ఒక పెట్టెలో ఎన్ని ఆపిల్‌లు ఉన్నాయో కనుగొని, తర్వాత పెట్టెల సంఖ్యతో గుణిద్దాం. కాబట్టి రైతు వద్ద మొత్తం 18 ఆపిల్‌లు ఉన్నాయి."],
  th: ["ได้เลย! มาแก้โจทย์นี้ทีละขั้นตอนกัน ขั้นแรก เราหาว่าในหนึ่งกล่องมีแอปเปิลกี่ผล จากนั้นคูณด้วยจำนวนกล่อง ดังนั้นชาวนามีแอปเปิลทั้งหมด ๑๘ ผล"],
  zh: [
    "当然！我们一步一步来解这道题。首先，求出一个箱子里有多少个苹果，然后乘以箱子的数量。所以农民一共有18个苹果。",
    "光合作用是绿色植物利用阳光把水和二氧化碳转化为糖和氧气的过程。",
  ],
  ja: [
    "もちろんです！この問題を一歩ずつ解いていきましょう。まず、一つの箱にりんごがいくつ入っているかを求め、それに箱の数を掛けます。したがって、農家は合計で18個のりんごを持っています。",
    "光合成とは、緑色植物が太陽の光を使って水と二酸化炭素から糖と酸素を作り出す過程です。",
  ],
  ko: [
    "물론이죠! 이 문제를 단계별로 풀어 봅시다. 먼저 한 상자에 사과가 몇 개 있는지 구한 다음, 상자의 수를 곱합니다. 따라서 농부는 모두 18개의 사과를 가지고 있습니다.",
  ],
};
