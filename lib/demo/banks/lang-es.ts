import type { LanguageBank } from "./types";

export const es: LanguageBank = {
  code: "es",
  name: "Español",
  rtl: false,
  sep: " ",
  numbers: { dec: ",", group: "." },
  answer: [(v) => `Respuesta: ${v}`, (v) => `La respuesta es ${v}.`, (v) => `Resultado final: ${v}`],
  restate: "Enunciado:",
  mathIntro: ["Resolvamos el problema paso a paso.", "Solución:", "Vamos paso a paso.", "Dividamos el problema en partes."],
  plan: [
    "Para responder, primero calculamos los valores intermedios y luego los combinamos.",
    "La clave es tratar una cantidad cada vez y no perder de vista las unidades.",
    "Primero leemos la pregunta con atención para saber exactamente qué se pide.",
  ],
  check: [
    "Comprobemos cada paso otra vez.",
    "Volvamos a leer el enunciado para no olvidar nada.",
    "Revisemos los cálculos con cuidado.",
    "Cada paso coincide con el cálculo anterior.",
  ],
  tableHead: ["Paso", "Cálculo"],
  codeIntro: "Podemos comprobarlo con un breve script de Python:",
  keyPoints: "Puntos clave",
  intros: ["¡Claro!", "Por supuesto.", "Buena pregunta.", "Aquí tienes la respuesta."],
  closings: ["¡Espero que te sirva!", "Avísame si tienes alguna pregunta.", "Puedo darte más detalles si quieres.", "¡Mucho éxito!"],
  refusal: "Lo siento, no puedo ayudar con esa solicitud.",
  filler: [
    "Dicho de otro modo, la idea principal sigue siendo la misma aunque la miremos desde otro ángulo.",
    "Vale la pena repetir este punto, porque es el que más a menudo se entiende mal.",
    "Voy a explicar la misma idea otra vez con palabras un poco distintas.",
    "En la práctica, estos pequeños detalles marcan una diferencia notable.",
    "Esto también enlaza con lo que se dijo antes, de modo que todo encaja.",
    "Si algo sigue sin estar claro, ayuda releer despacio el párrafo anterior.",
  ],
  styles: ["", "Sé breve.", "Usa un lenguaje sencillo.", "Por favor, sé preciso."],
  math: {
    shopping: {
      prompt: (p, f) =>
        `Lucía compra ${f(p.a)} cuadernos a ${f(p.price)} euros cada uno y ${f(p.b)} bolígrafos a ${f(p.price2)} euros cada uno. ¿Cuánto gasta en total?`,
      steps: (p, ans, f) => [
        `Los cuadernos cuestan ${f(p.a)} × ${f(p.price)} = ${f(p.sub1)} euros.`,
        `Los bolígrafos cuestan ${f(p.b)} × ${f(p.price2)} = ${f(p.sub2)} euros.`,
        `En total: ${f(p.sub1)} + ${f(p.sub2)} = ${f(ans)} euros.`,
      ],
    },
    speed: {
      prompt: (p, f) =>
        `Un tren viaja a ${f(p.v1)} km/h durante ${f(p.t1)} horas y luego a ${f(p.v2)} km/h durante ${f(p.t2)} horas. ¿Cuántos kilómetros recorre en total?`,
      steps: (p, ans, f) => [
        `Primer tramo: ${f(p.v1)} × ${f(p.t1)} = ${f(p.d1)} km.`,
        `Segundo tramo: ${f(p.v2)} × ${f(p.t2)} = ${f(p.d2)} km.`,
        `Distancia total: ${f(p.d1)} + ${f(p.d2)} = ${f(ans)} km.`,
      ],
    },
    percent: {
      prompt: (p, f) =>
        `Una chaqueta cuesta ${f(p.price)} euros. La tienda ofrece un descuento del ${f(p.pct)} %. ¿Cuál es el precio rebajado en euros?`,
      steps: (p, ans, f) => [
        `El descuento es el ${f(p.pct)} % de ${f(p.price)}: ${f(p.price)} × ${f(p.pct)} / ${f(100)} = ${f(p.off)} euros.`,
        `Precio rebajado: ${f(p.price)} − ${f(p.off)} = ${f(ans)} euros.`,
      ],
    },
    ages: {
      prompt: (p, f) =>
        `Pablo tiene ${f(p.age)} años. Su padre tiene ${f(p.times)} veces su edad. ¿Cuántos años tendrá su padre dentro de ${f(p.years)} años?`,
      steps: (p, ans, f) => [
        `Edad actual del padre: ${f(p.age)} × ${f(p.times)} = ${f(p.father)} años.`,
        `Dentro de ${f(p.years)} años: ${f(p.father)} + ${f(p.years)} = ${f(ans)} años.`,
      ],
    },
    area: {
      prompt: (p, f) =>
        `Un jardín rectangular mide ${f(p.len)} m de largo y ${f(p.wid)} m de ancho. Un camino ocupa ${f(p.path)} metros cuadrados. ¿Cuántos metros cuadrados quedan para plantar?`,
      steps: (p, ans, f) => [
        `Área del jardín: ${f(p.len)} × ${f(p.wid)} = ${f(p.total)} m².`,
        `Sin el camino: ${f(p.total)} − ${f(p.path)} = ${f(ans)} m².`,
      ],
    },
    wages: {
      prompt: (p, f) =>
        `Una trabajadora gana ${f(p.rate)} euros por hora y trabaja ${f(p.hours)} horas al día durante ${f(p.days)} días. ¿Cuánto gana en total?`,
      steps: (p, ans, f) => [
        `Sueldo diario: ${f(p.rate)} × ${f(p.hours)} = ${f(p.daily)} euros.`,
        `En ${f(p.days)} días: ${f(p.daily)} × ${f(p.days)} = ${f(ans)} euros.`,
      ],
    },
  },
  general: {
    photosynthesis: {
      prompt: "Explica con palabras sencillas cómo funciona la fotosíntesis.",
      answer: [
        "La fotosíntesis es el proceso con el que las plantas convierten la luz del sol en energía química.",
        "Las hojas absorben dióxido de carbono del aire y las raíces toman agua del suelo.",
        "La clorofila, el pigmento verde de las hojas, capta la luz y usa su energía para fabricar glucosa a partir de esos elementos.",
        "Como subproducto se libera oxígeno, y por eso las plantas son tan importantes para el aire que respiramos.",
      ],
    },
    sky: {
      prompt: "Explica por qué el cielo es azul.",
      answer: [
        "La luz del sol parece blanca, pero en realidad es una mezcla de todos los colores del arcoíris.",
        "Al atravesar la atmósfera, la luz choca con diminutas moléculas de gas y se dispersa en todas direcciones.",
        "La luz azul tiene una longitud de onda corta, así que se dispersa mucho más que la luz roja o amarilla.",
        "Esa luz azul dispersa nos llega desde todas partes del cielo, y por eso el cielo se ve azul.",
      ],
    },
    email: {
      prompt: "Escribe un correo breve a un compañero para pedirle que la reunión de mañana se pase al viernes.",
      answer: [
        "Asunto: Cambio de la reunión de mañana",
        "Hola, Javier:",
        "Me ha surgido un imprevisto urgente y no podré asistir a nuestra reunión de mañana.",
        "¿Podríamos pasarla al viernes a la misma hora?",
        "Gracias por tu comprensión, y perdona el aviso tan tardío.",
        "Un saludo,\nMarta",
      ],
    },
    sleep: {
      prompt: "Da tres consejos para dormir mejor.",
      answer: [
        "Aquí tienes tres consejos para dormir mejor:",
        "Acuéstate y levántate a la misma hora todos los días, incluso los fines de semana.",
        "Evita las pantallas y la luz intensa durante la hora previa a acostarte.",
        "Mantén el dormitorio fresco, oscuro y silencioso, y no tomes café después de comer.",
      ],
    },
    palindrome: {
      prompt: "Escribe una función en Python que compruebe si una cadena es un palíndromo.",
      answer: [
        "Aquí tienes una función breve que lo hace:",
        "Conserva solo letras y dígitos e ignora las mayúsculas y minúsculas.",
        'Después compara la cadena limpia con su inversa, así que is_palindrome("Anna") devuelve True.',
      ],
    },
    evens: {
      prompt: "Escribe una función en Python que devuelva la suma de los números pares de una lista.",
      answer: [
        "Se puede hacer en una sola línea:",
        "La expresión generadora conserva solo los números divisibles entre 2.",
        "La función integrada sum() los suma, así que sum_even([1, 2, 3, 4]) devuelve 6.",
      ],
    },
  },
};
