import modal

app = modal.App("iris-classifier")
image = modal.Image.debian_slim().pip_install("scikit-learn==1.5.2", "numpy==2.1.1")


@app.function(image=image, cpu=2.0, memory=2048)
def classify(sepal_length: float, sepal_width: float, petal_length: float = 1.4, petal_width: float = 0.2) -> str:
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    data = load_iris()
    model = LogisticRegression(max_iter=200).fit(data.data, data.target)
    label = model.predict([[sepal_length, sepal_width, petal_length, petal_width]])[0]
    return str(data.target_names[label])
