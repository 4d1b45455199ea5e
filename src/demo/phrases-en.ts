// What people write to and about Maison Lumen, in English. Slots in braces are filled from SLOTS_EN.
import type { Phrasebook } from './phrases.ts';

export const PHRASES_EN: Phrasebook = {
  opinion: {
    positive: [
      "I love this {product}! {happy}", "The {collection} collection is gorgeous {happy}", "Looks amazing in my {room} {happy}",
      "Got it yesterday, even prettier in real life {happy}", "Obsessed with this {product} {happy}", "Super fast delivery, thank you!",
      "Beautiful, well done team {happy}", "Best purchase of the year {happy}", "The quality is outstanding, highly recommend",
      "Second order and still so happy {happy}", "Customer service answered within an hour, impressive", "Such a soft, warm light {happy}",
      "Bought it for my mum, she loves it {happy}", "The {color} finish is stunning {happy}", "You have such great taste {happy}",
      "Gorgeous picture, I want it all {happy}", "Perfect for my {room}, thanks Maison Lumen", "Beautifully packed, thank you",
      "Saw it in the {city} store, even better in person", "Cosy vibes guaranteed {happy}", "Looks like a magazine shot {happy}",
      "Congrats on the new collection!", "Always a pleasure to order from you", "Your candles smell incredible {happy}",
      "Easy to set up and looks great {happy}", "Thanks for the tip, the {product} is perfect", "Love love love {happy}",
      "Bought two, no regrets", "Great find, thanks for sharing {happy}", "A real gem {happy}", "Great value for money",
      "Arrived in {days} days, perfect", "It changes the whole room {happy}", "Simply stunning {happy}", "French design at its best {happy}",
      "My {room} finally feels like home {happy}", "Exactly like the photos, so happy", "Your team was so helpful, thank you",
      "The brass details are beautiful {happy}", "Can't stop looking at it {happy}",
    ],
    neutral: [
      "Is it available in {color}?", "How much is this {product}?", "Do you ship to the UK?", "What's the reference?",
      "Do you have a store in {city}?", "What are the dimensions?", "Does it come in a bigger size?", "Is it LED compatible?",
      "Any stock left in {color}?", "@{friend} look at this", "@{friend} for your {room}?", "When will it be back in stock?",
      "How long is the cable?", "Do you sell gift cards?", "When do the sales start?", "Can I see it in store?",
      "Which bulb does it need?", "Where is it made?", "Is there an outdoor version?", "Does the promo code work on {collection}?",
      "Do you ship to Switzerland?", "How long does delivery take?", "Is it the same model as in store?", "Do you have the link?",
      "Interesting, I'll check the website", "Does it work with a dimmer?", "@{friend} we talked about this", "Which room is this?",
      "Are returns free?", "Is it glass or plastic?", "Can I pay in instalments?", "What's the max wattage?",
      "Is there a trade discount?", "How do I clean it?", "What's the difference with the {collection} model?",
      "Will it come out in {color}?", "Do you ship to Canada?", "Is shipping free above a certain amount?", "Are you hiring in {city}?",
      "Is this the new collection?",
    ],
    negative: [
      "Still haven't received my order {angry}", "Order {order} is {days} days late and nobody answers {angry}",
      "The {product} arrived broken {angry}", "Disappointed with the quality, the shade got damaged in a week", "Way too expensive for what it is",
      "Customer service never replies {angry}", "Out of stock again {angry}", "Waiting for my refund for {days} days",
      "The colour looks nothing like the photo", "Parcel lost, no news {angry}", "Quality isn't what it used to be",
      "Website crashed at checkout {angry}", "Missing part in the box {angry}", "Bulb died after two days", "Shipping costs are ridiculous",
      "Item arrived scratched, very disappointed", "Third message without an answer {angry}", "Your promo code doesn't work {angry}",
      "Would not recommend, terrible delivery", "The {product} has been flickering since day one", "Impossible to assemble, useless manual",
      "Order cancelled with no explanation {angry}", "The {city} store was closed without notice", "Rude staff in store",
      "Received a different product than ordered", "Another delay, never again {angry}", "The glass was cracked on arrival",
      "Nothing like the pictures, disappointed", "Prices went up again {angry}", "Return refused although it's faulty {angry}",
      "Tracking stuck for {days} days", "The switch broke after a month", "After-sales service doesn't exist {angry}",
      "Ordered {days} days ago, still nothing", "Why is my order blocked?", "The paint is already peeling",
      "Bad experience, won't buy again", "Torn packaging, damaged item {angry}", "I was charged twice {angry}", "Delivery promise not kept {angry}",
    ],
  },
  delivery: [
    "Still no sign of my Black Friday order {angry}", "Order {order} placed {days} days ago, still nothing {angry}",
    "Tracking says delivered but I got nothing {angry}", "Where is my parcel? Order {order} {angry}",
    "It was a Christmas gift, it won't arrive in time {angry}", "Nobody picks up the phone {angry}",
  ],
  message: {
    positive: [
      "Hi, just wanted to say I love my new {product}!", "Thanks for the quick answer!", "Parcel received, everything is perfect, thanks",
      "Thank you for the exchange, very smooth",
    ],
    neutral: [
      "Hi, where is my order {order}?", "Hi, is the {product} available in {color}?", "Hi, how do I return an item?",
      "Hi, can I change my delivery address?", "Do you ship to Germany?", "Hi, I'm an interior designer, do you have a trade catalogue?",
      "Hi, can I get an invoice for order {order}?", "Hi, can someone call me back about a large order?",
    ],
    negative: [
      "Hi, my order {order} arrived damaged, what should I do?", "Still no news about my order {order} {angry}", "I haven't received my refund",
      "Hi, a part is missing from my parcel", "Your website charged my card twice", "My parcel is lost and nobody answers {angry}",
    ],
  },
  participation: [
    "I'm in! @{friend} @{friend2}", "Fingers crossed 🤞 @{friend}", "Would love to win this! @{friend}", "Entering! @{friend} ✨",
    "Followed and shared, fingers crossed 🤞", "@{friend} shall we try?",
  ],
  reply: {
    positive: [
      "Thank you {name}, so glad you love it 💛", "Thanks a lot {name}! ✨", "Thank you {name}, it means a lot to the team 🙏",
      "Thanks {name}! Share a photo of your {room} with us 📸", "Thank you {name}, enjoy the cosy evenings ✨", "Our pleasure {name}!",
    ],
    neutral: [
      "Hi {name}, yes, it also comes in {color} 🙂", "Hi {name}, all dimensions are on the product page", "Hi {name}, we ship across Europe",
      "Hi {name}, we're restocking within two weeks", "Hi {name}, we've sent you a private message 📩", "Hi {name}, returns are free within 30 days",
    ],
    negative: [
      "Hi {name}, we're so sorry. Could you DM us your order number?", "Hi {name}, apologies for the delay, we're checking your order now",
      "Hi {name}, that's not acceptable, we're sending a replacement", "Hi {name}, sorry about this, we'll contact you privately",
      "Hi {name}, your refund has been issued, allow 3 to 5 days", "Hi {name}, thanks for the feedback, we're passing it to our quality team",
    ],
  },
  nps: {
    promoter: ["Beautiful products and fast delivery", "Very responsive customer service", "Great quality, highly recommend"],
    passive: ["Nice but a bit pricey", "Fine, delivery took a while", "Good product, limited choice"],
    detractor: ["Delivery very late", "Parcel arrived damaged", "Customer service unreachable"],
  },
};

export const SLOTS_EN = {
  product: ['lamp', 'pendant light', 'wall light', 'floor lamp', 'bedside lamp', 'lantern', 'candle', 'mirror', 'vase', 'string light'],
  color: ['black', 'white', 'brass', 'terracotta', 'sage green', 'midnight blue', 'rattan', 'natural linen', 'gold', 'light oak'],
  room: ['living room', 'bedroom', 'hallway', 'office', 'reading nook', 'studio', 'flat', 'dining room'],
  city: ['Paris', 'Lyon', 'Brussels', 'Geneva', 'London', 'Bordeaux', 'Lille'],
  days: ['5', '8', '10', '12', '15', '18', '21'],
};
