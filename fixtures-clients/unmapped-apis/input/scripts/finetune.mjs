import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

const training = await replicate.trainings.create("acme", "sticker", "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa", {
  destination: "acme/sticker-tuned",
  input: { train_data: "https://example.com/stickers.zip" },
});
console.log(training.id);
